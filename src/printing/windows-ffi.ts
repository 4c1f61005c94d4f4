import { dlopen, FFIType, ptr, type Pointer } from "bun:ffi";
import type { Spooler } from "./spooler.ts";

/** A NUL-terminated UTF-16 string, as the W functions take it. */
const wide = (s: string) => Buffer.from(`${s}\u0000`, "utf16le");

/**
 * The spooler's calls through Bun's FFI (winspool.drv, GetLastError from kernel32.dll). Loaded
 * only on Windows, the first time a label goes to a Windows printer. The buffers each call
 * points at are held until the call returns.
 */
export function windowsSpooler(): Spooler {
  const pointer = FFIType.ptr;
  const w = dlopen("winspool.drv", {
    OpenPrinterW: { args: [pointer, pointer, pointer], returns: FFIType.i32 },
    StartDocPrinterW: { args: [pointer, FFIType.u32, pointer], returns: FFIType.u32 },
    StartPagePrinter: { args: [pointer], returns: FFIType.i32 },
    WritePrinter: { args: [pointer, pointer, FFIType.u32, pointer], returns: FFIType.i32 },
    EndPagePrinter: { args: [pointer], returns: FFIType.i32 },
    EndDocPrinter: { args: [pointer], returns: FFIType.i32 },
    ClosePrinter: { args: [pointer], returns: FFIType.i32 },
  }).symbols;
  const k = dlopen("kernel32.dll", { GetLastError: { args: [], returns: FFIType.u32 } }).symbols;
  return {
    openPrinter(name) {
      const out = new BigUint64Array(1);
      const n = wide(name);
      const ok = w.OpenPrinterW(ptr(n), ptr(out), null);
      return ok !== 0 && out[0] !== 0n ? (Number(out[0]) as Pointer) : undefined;
    },
    startDoc(handle, docName, datatype) {
      const name = wide(docName);
      const type = wide(datatype);
      // DOC_INFO_1W: pDocName, pOutputFile (none: the printer), pDatatype.
      const info = new BigUint64Array([BigInt(ptr(name)), 0n, BigInt(ptr(type))]);
      return w.StartDocPrinterW(handle as Pointer, 1, ptr(info));
    },
    startPage: (handle) => w.StartPagePrinter(handle as Pointer) !== 0,
    write(handle, bytes) {
      const written = new Uint32Array(1);
      const ok = w.WritePrinter(handle as Pointer, ptr(bytes), bytes.byteLength, ptr(written));
      return ok !== 0 ? written[0]! : -1;
    },
    endPage: (handle) => w.EndPagePrinter(handle as Pointer) !== 0,
    endDoc: (handle) => w.EndDocPrinter(handle as Pointer) !== 0,
    closePrinter: (handle) => {
      w.ClosePrinter(handle as Pointer);
    },
    lastError: () => k.GetLastError(),
  };
}
