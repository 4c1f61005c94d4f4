import { createHash } from "node:crypto";

/** True when the bytes start with the PDF magic "%PDF-": anything else is not a label we can print. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** The SHA-256 of a file's bytes, in hex: how labels and audited PDFs are recognised again. */
export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * True when the bytes are a ZPL II label: after any blanks and tilde commands (~SD, ~TA…), the
 * first format starts with ^XA. What a Zebra prints; anything else is refused, never repaired.
 */
export function looksLikeZpl(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return /^\s*(~[A-Z]{2}[^\^~]*\s*)*\^XA/.test(head) && head.includes("^XA");
}

/** The label file formats Canada Post gives: a PDF, or ZPL for a thermal printer. */
export type LabelEncoding = "pdf" | "zpl";

/** Which of the two the bytes are, or undefined for neither. */
export const labelEncodingOf = (bytes: Uint8Array): LabelEncoding | undefined => (looksLikePdf(bytes) ? "pdf" : looksLikeZpl(bytes) ? "zpl" : undefined);
