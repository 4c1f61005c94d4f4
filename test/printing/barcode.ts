import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";

// zxing-wasm would fetch its WebAssembly from a CDN; the one in node_modules is handed to it instead.
let prepared = false;
function prepare(): void {
  if (prepared) return;
  const wasm = readFileSync(join(import.meta.dir, "../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm"));
  prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } as never, fireImmediately: true });
  prepared = true;
}

/** The Code 128 barcodes a barcode decoder (ZXing) reads in a PNG, as text. */
export async function code128In(png: Uint8Array): Promise<string[]> {
  prepare();
  const found = await readBarcodes(new Blob([png as Uint8Array<ArrayBuffer>]), { formats: ["Code128"], tryHarder: true, maxNumberOfSymbols: 8 });
  return found.filter((b) => b.isValid).map((b) => b.text);
}
