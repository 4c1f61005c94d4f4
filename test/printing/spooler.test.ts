import { expect, test } from "bun:test";
import { printerFrom, spoolRaw, type Spooler } from "../../src/printing/index.ts";

/**
 * The Windows path up to its FFI boundary: winspool.drv's calls (windows-ffi.ts on Windows) as
 * an interface, here a stand-in that records each call and fails where a test says.
 */
function fakeSpooler(o: { printers?: string[]; writeFails?: { written: number; error: number }; endDocFails?: boolean } = {}) {
  const calls: string[] = [];
  const written: Uint8Array[] = [];
  let lastError = 0;
  const spooler: Spooler = {
    openPrinter(name) {
      calls.push(`OpenPrinterW ${name}`);
      if (!(o.printers ?? ["ZDesigner GK420d"]).includes(name)) {
        lastError = 1801;
        return undefined;
      }
      return 42;
    },
    startDoc(handle, docName, datatype) {
      calls.push(`StartDocPrinterW ${handle} "${docName}" ${datatype}`);
      return 7;
    },
    startPage: (h) => (calls.push(`StartPagePrinter ${h}`), true),
    write(handle, bytes) {
      calls.push(`WritePrinter ${handle} ${bytes.byteLength}`);
      if (o.writeFails) {
        lastError = o.writeFails.error;
        return o.writeFails.written === 0 ? -1 : o.writeFails.written;
      }
      written.push(bytes);
      return bytes.byteLength;
    },
    endPage: (h) => (calls.push(`EndPagePrinter ${h}`), true),
    endDoc(h) {
      calls.push(`EndDocPrinter ${h}`);
      if (o.endDocFails) lastError = 6;
      return !o.endDocFails;
    },
    closePrinter: (h) => void calls.push(`ClosePrinter ${h}`),
    lastError: () => lastError,
  };
  return { spooler, calls, written };
}

const zpl = new TextEncoder().encode("^XA^FO50,50^A0N,40,40^FDHello^FS^XZ");
const job = { title: "A-1", encoding: "zpl" as const, bytes: zpl, path: "C:\\labels\\label-A-1.zpl" };
const where = { file: "C:\\shipdesk\\shipdesk.toml" };

test("a ZPL label goes RAW through the spooler: open, start a RAW document, write every byte, end, close", () => {
  const f = fakeSpooler();
  const outcome = spoolRaw(f.spooler, "ZDesigner GK420d", job, where);
  expect(outcome.kind).toBe("accepted");
  expect(f.calls).toEqual([
    "OpenPrinterW ZDesigner GK420d",
    'StartDocPrinterW 42 "shipdesk A-1" RAW',
    "StartPagePrinter 42",
    `WritePrinter 42 ${zpl.byteLength}`,
    "EndPagePrinter 42",
    "EndDocPrinter 42",
    "ClosePrinter 42",
  ]);
  expect(f.written[0]).toEqual(zpl);
});

test("a printer name Windows does not know: one sentence naming printer.name and where to fix it; nothing sent", () => {
  const f = fakeSpooler();
  const outcome = spoolRaw(f.spooler, "Zebra GK420", job, where);
  expect(outcome).toMatchObject({ kind: "not-sent", cause: "setting" });
  if (outcome.kind !== "not-sent") return;
  expect(outcome.sentence).toBe(
    'Windows has no printer named "Zebra GK420"; set printer.name in C:\\shipdesk\\shipdesk.toml to the name Settings > Printers & scanners shows (exactly, spaces and all). The label is not printed.',
  );
  expect(f.calls).toEqual(["OpenPrinterW Zebra GK420"]);
});

test("a write that fails half-way is in doubt (never sent again by itself); one that wrote nothing is not sent; the handle is always closed", () => {
  const half = fakeSpooler({ writeFails: { written: 10, error: 1784 } });
  expect(spoolRaw(half.spooler, "ZDesigner GK420d", job, where).kind).toBe("in-doubt");
  expect(half.calls.at(-1)).toBe("ClosePrinter 42");
  const none = fakeSpooler({ writeFails: { written: 0, error: 1784 } });
  expect(spoolRaw(none.spooler, "ZDesigner GK420d", job, where)).toMatchObject({ kind: "not-sent", cause: "unreachable" });
  expect(none.calls.at(-1)).toBe("ClosePrinter 42");
  const end = fakeSpooler({ endDocFails: true });
  expect(spoolRaw(end.spooler, "ZDesigner GK420d", job, where).kind).toBe("in-doubt");
});

test("printer.kind = windows picks the spooler for ZPL; off Windows without one it says to use lp", async () => {
  const f = fakeSpooler();
  const settings = { kind: "windows" as const, host: undefined, port: 9100, name: "ZDesigner GK420d", queue: undefined, autoPrint: true, dpi: 203 as const };
  const printer = printerFrom(settings, { file: where.file, dataDir: "/tmp", spooler: () => f.spooler })!;
  expect(printer.target.described).toBe('the Windows printer "ZDesigner GK420d"');
  expect((await printer.send(job)).kind).toBe("accepted");
  const linux = printerFrom(settings, { file: where.file, dataDir: "/tmp", platform: "linux" })!;
  const said = await linux.send(job);
  expect(said.kind === "not-sent" && said.sentence).toContain('set printer.kind = "lp"');
});
