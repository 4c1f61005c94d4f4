import type { PrinterSettings } from "../config/index.ts";
import { sendLp } from "./lp.ts";
import { sendRaw } from "./network.ts";
import type { PrintJob, PrintOutcome, PrinterTarget } from "./outcome.ts";
import { spoolRaw, type Spooler } from "./spooler.ts";

/** A printer as shipdesk talks to it: where it is (for the clerk and the audit row) and how a job is sent. */
export interface Printer {
  target: PrinterTarget;
  send(job: PrintJob): Promise<PrintOutcome>;
}

export interface PrinterOptions {
  /** The settings file, named in the sentences. */
  file: string;
  /** The data folder (where the PDF printer program is copied on Windows). */
  dataDir: string;
  /** Stands in for winspool.drv (tests); default: the real one, on Windows only. */
  spooler?: () => Spooler;
  /** Stands in for the `lp` command (tests). */
  lpCommand?: string;
  platform?: NodeJS.Platform;
}

/** The printer the settings name; undefined for kind "none". */
export function printerFrom(settings: PrinterSettings, options: PrinterOptions): Printer | undefined {
  const where = { file: options.file };
  const platform = options.platform ?? process.platform;
  switch (settings.kind) {
    case "none":
      return undefined;
    case "zpl-network": {
      const host = settings.host!;
      const target = { described: `the Zebra at ${host}:${settings.port}`, url: `tcp://${host}:${settings.port}`, method: "RAW" };
      return {
        target,
        send: (job) => (job.encoding === "zpl" ? sendRaw(host, settings.port, job.bytes, where) : Promise.resolve(pdfOnZebra(job, target, options.file))),
      };
    }
    case "lp": {
      const queue = settings.queue!;
      return { target: { described: `the CUPS queue ${queue}`, url: `lp://${queue}`, method: "LP" }, send: (job) => sendLp(queue, job, where, options.lpCommand) };
    }
    case "windows": {
      const name = settings.name!;
      const target = { described: `the Windows printer "${name}"`, url: `winspool://${name}`, method: "SPOOL" };
      return {
        target,
        async send(job) {
          if (platform !== "win32" && !options.spooler) return notWindows(options.file);
          const spooler = options.spooler ? options.spooler() : (await import("./windows-ffi.ts")).windowsSpooler();
          if (job.encoding === "zpl") return spoolRaw(spooler, name, job, where);
          const { printPdfOnWindows } = await import("./windows-pdf.ts");
          return printPdfOnWindows(spooler, name, job, where, options.dataDir);
        },
      };
    }
  }
}

function pdfOnZebra(job: PrintJob, target: PrinterTarget, file: string): PrintOutcome {
  return {
    kind: "not-sent",
    sentence: `The label of ${job.title} is a PDF and ${target.described} prints ZPL only; print it from the label page's PDF (new labels come as ZPL with canadapost.label_encoding = "zpl" in ${file}).`,
    detail: "pdf to zpl-network",
    cause: "setting",
    ms: 0,
  };
}

function notWindows(file: string): PrintOutcome {
  return {
    kind: "not-sent",
    sentence: `printer.kind = "windows" prints through the Windows print spooler, and this computer is not Windows; on Linux or macOS set printer.kind = "lp" with the CUPS queue in ${file}.`,
    detail: process.platform,
    cause: "setting",
    ms: 0,
  };
}
