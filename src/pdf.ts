import { createHash } from "node:crypto";

/** True when the bytes start with the PDF magic "%PDF-": anything else is not a label we can print. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** The SHA-256 of a file's bytes, in hex: how labels and audited PDFs are recognised again. */
export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
