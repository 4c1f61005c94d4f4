import type { HttpResponse } from "../http/index.ts";
import { looksLikePdf, looksLikeZpl } from "../pdf.ts";

export const PDF_TYPE = "application/pdf";
/** The label link's media type when Create Shipment asked for ZPL (README's Get Artifact: presumed, and what the link gives is followed). */
export const ZPL_TYPE = "application/zpl";

/**
 * Get Artifact's reply, asked for with `accept` (the link's own media type): a PDF is checked
 * to be a PDF, ZPL to be ZPL; the bytes are kept exactly as Canada Post sent them.
 */
export function readArtifact(accept: string): (r: HttpResponse) => Uint8Array | string {
  return (r) => {
    if (accept === PDF_TYPE) return looksLikePdf(r.body) ? r.body : "a PDF (it does not start with %PDF-)";
    if (/zpl/i.test(accept)) return looksLikeZpl(r.body) ? r.body : "a ZPL label (it has no ^XA)";
    return r.body;
  };
}
