import type { PrintJob, PrintOutcome } from "./outcome.ts";
import type { Where } from "./network.ts";

/**
 * The Windows print spooler's calls shipdesk makes (winspool.drv), as an interface so that the
 * order of calls and what each failure means can be tested without Windows: windows-ffi.ts is
 * the real one. Each returns what the Win32 function returns; `lastError` is GetLastError.
 */
export interface Spooler {
  /** OpenPrinterW: a handle, or undefined (see lastError). */
  openPrinter(name: string): unknown | undefined;
  /** StartDocPrinterW with DOC_INFO_1W { name, no output file, datatype }: the job id, 0 on failure. */
  startDoc(handle: unknown, docName: string, datatype: "RAW"): number;
  startPage(handle: unknown): boolean;
  /** WritePrinter: the bytes written, or -1 when it failed. */
  write(handle: unknown, bytes: Uint8Array): number;
  endPage(handle: unknown): boolean;
  endDoc(handle: unknown): boolean;
  closePrinter(handle: unknown): void;
  lastError(): number;
}

const ERROR_INVALID_PRINTER_NAME = 1801;
const ERROR_ACCESS_DENIED = 5;

/** The sentence for a printer Windows would not open, by its error code. */
function notOpened(name: string, error: number, where: Where, ms: number): PrintOutcome {
  const sentence =
    error === ERROR_INVALID_PRINTER_NAME
      ? `Windows has no printer named "${name}"; set printer.name in ${where.file} to the name Settings > Printers & scanners shows (exactly, spaces and all). The label is not printed.`
      : error === ERROR_ACCESS_DENIED
        ? `Windows refused this user access to the printer "${name}"; ask for permission to print on it, or set printer.name in ${where.file} to another printer. The label is not printed.`
        : `Windows could not open the printer "${name}" (error ${error}); check it in Settings > Printers & scanners and printer.name in ${where.file}. The label is not printed.`;
  return { kind: "not-sent", sentence, detail: `OpenPrinterW error ${error}`, cause: error === ERROR_INVALID_PRINTER_NAME || error === ERROR_ACCESS_DENIED ? "setting" : "unreachable", ms };
}

/** Whether Windows knows a printer of this name (for the PDF path, before the PDF printer is started). */
export function checkPrinterName(spooler: Spooler, name: string, where: Where): PrintOutcome | undefined {
  const handle = spooler.openPrinter(name);
  if (handle === undefined) return notOpened(name, spooler.lastError(), where, 0);
  spooler.closePrinter(handle);
  return undefined;
}

/**
 * A ZPL label to an installed Windows printer (a USB Zebra) through the spooler, RAW: the
 * driver passes the bytes to the printer untouched. Accepted when EndDocPrinter succeeds (the
 * job is the spooler's). Nothing is in doubt before WritePrinter; after it has written, a
 * failure is.
 */
export function spoolRaw(spooler: Spooler, name: string, job: PrintJob, where: Where): PrintOutcome {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const handle = spooler.openPrinter(name);
  if (handle === undefined) return notOpened(name, spooler.lastError(), where, ms());
  let written = 0;
  try {
    const jobId = spooler.startDoc(handle, `shipdesk ${job.title}`, "RAW");
    if (jobId === 0) {
      const error = spooler.lastError();
      return { kind: "not-sent", sentence: `Windows would not start a print job on "${name}" (error ${error}); check the printer in Settings > Printers & scanners (is it paused or offline?). The label is not printed.`, detail: `StartDocPrinterW error ${error}`, cause: "unreachable", ms: ms() };
    }
    spooler.startPage(handle);
    const n = spooler.write(handle, job.bytes);
    if (n < 0 || n !== job.bytes.byteLength) {
      const error = spooler.lastError();
      written = Math.max(n, 0);
      spooler.endDoc(handle);
      if (written === 0) {
        return { kind: "not-sent", sentence: `Windows did not take the label for "${name}" (error ${error}); check the printer in Settings > Printers & scanners. The label is not printed.`, detail: `WritePrinter error ${error}`, cause: "unreachable", ms: ms() };
      }
      return { kind: "in-doubt", sentence: `Windows took ${written} of ${job.bytes.byteLength} bytes of the label for "${name}" and then failed (error ${error}), so it may or may not have printed; look at the printer before printing it again.`, detail: `WritePrinter error ${error}`, ms: ms() };
    }
    written = n;
    spooler.endPage(handle);
    if (!spooler.endDoc(handle)) {
      const error = spooler.lastError();
      return { kind: "in-doubt", sentence: `Windows took the label for "${name}" but did not close the print job (error ${error}), so it may or may not print; look at the printer before printing it again.`, detail: `EndDocPrinter error ${error}`, ms: ms() };
    }
    return { kind: "accepted", answered: `Windows spooler, printer "${name}": job ${jobId}, ${written} bytes`, ms: ms() };
  } finally {
    spooler.closePrinter(handle);
  }
}
