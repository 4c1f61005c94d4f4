import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * `shipdesk printer test`'s label: what it is, where it was sent, when, and a Code 128 barcode,
 * so a clerk setting up a printer sees the size, the darkness and whether barcodes scan. Nothing
 * is bought and no order is involved.
 */
export function testLabelZpl(target: string, at: Date): string {
  const field = (s: string) => s.replace(/[\^~]/g, " ");
  return [
    "^XA",
    "^CI28",
    "^PW812",
    "^LL1218",
    "^FO20,20^GB772,1178,6^FS",
    "^FO60,80^A0N,70,60^FDshipdesk test label^FS",
    `^FO60,190^A0N,34,30^FD${field(target).slice(0, 60)}^FS`,
    `^FO60,240^A0N,34,30^FD${at.toISOString().replace("T", " ").slice(0, 19)} UTC^FS`,
    "^FO60,320^A0N,30,28^FDIf this fills a 4x6 label and the barcode scans,^FS",
    "^FO60,360^A0N,30,28^FDthe printer is ready for Canada Post labels.^FS",
    "^FO100,500^BY3^BCN,220,Y,N,N^FDSHIPDESK-TEST^FS",
    "^XZ",
    "",
  ].join("\n");
}

/** The same as a 4x6 PDF, for a printer that prints PDF labels. */
export async function testLabelPdf(target: string, at: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([288, 432]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 6, y: 6, width: 276, height: 420, borderWidth: 2 });
  page.drawText("shipdesk test label", { x: 20, y: 390, size: 20, font });
  page.drawText(target.replace(/[^\u0020-\u007e]/g, "?").slice(0, 48), { x: 20, y: 360, size: 9, font });
  page.drawText(`${at.toISOString().replace("T", " ").slice(0, 19)} UTC`, { x: 20, y: 345, size: 9, font });
  page.drawText("If this fills a 4x6 label, the printer prints PDF labels", { x: 20, y: 320, size: 8, font });
  page.drawText("at their true size.", { x: 20, y: 308, size: 8, font });
  return doc.save();
}
