import { createHash } from "node:crypto";

/** Dots per millimetre at each printer resolution (ZPL's own measure). */
const DPMM: Record<203 | 300 | 600, number> = { 203: 8, 300: 12, 600: 24 };
/** A 4x6 label in millimetres. */
export const LABEL_MM = { width: 101.6, height: 152.4 } as const;

const CACHE_SIZE = 48;
const cache = new Map<string, Uint8Array>();
let renderer: Promise<{ zplToBase64Async(zpl: string, widthMm?: number, heightMm?: number, dpmm?: number): Promise<string> }> | undefined;

/**
 * A ZPL label as the printer would print it: a PNG of 4x6 inches at `dpi` (812 x 1218 dots at
 * 203 dpi), drawn here by zpl-renderer-js (IngridHQ's Zebrash in WebAssembly, no web service).
 * The renderer (about 9 MB) is loaded the first time a label is drawn, not before; the last
 * images are kept by the label's checksum, so a page that shows the same labels again draws
 * nothing twice.
 */
export async function renderZpl(zpl: Uint8Array | string, dpi: 203 | 300 | 600 = 203): Promise<Uint8Array> {
  const bytes = typeof zpl === "string" ? new TextEncoder().encode(zpl) : zpl;
  const key = `${dpi}:${createHash("sha256").update(bytes).digest("hex")}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  renderer ??= import("zpl-renderer-js").then((m) => m.ready).then((r) => r.api);
  const api = await renderer;
  const text = new TextDecoder("utf-8").decode(bytes);
  const png = new Uint8Array(Buffer.from(await api.zplToBase64Async(text, LABEL_MM.width, LABEL_MM.height, DPMM[dpi]), "base64"));
  cache.set(key, png);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return png;
}

/** The width and height a PNG says it has (its IHDR), in pixels. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
