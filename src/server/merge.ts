import { PDFDocument } from "pdf-lib";

/**
 * One PDF holding every page of every label, in order. Pages are copied, never redrawn or
 * scaled, so each keeps its own media box (a 4x6 label stays 288 x 432 pt) and the printer
 * prints it at its true size.
 */
export async function mergeLabels(labels: readonly Uint8Array[], title: string): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle(title);
  merged.setProducer("shipdesk");
  for (const bytes of labels) {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged.save();
}
