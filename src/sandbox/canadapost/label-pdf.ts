import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

const SIZES = { "4x6": [288, 432], "8.5x11": [612, 792] } as const;

/** A real, printable PDF: a 4x6 (288×432 pt) or letter page showing the tracking PIN. */
export async function labelPdf(format: "4x6" | "8.5x11", lines: { pin: string; to: string[]; service: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Canada Post sandbox label ${lines.pin}`);
  const [width, height] = SIZES[format];
  const page = doc.addPage([width, height]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText("SANDBOX — NOT POSTAGE", { x: 18, y: height - 30, size: 12, font: bold, color: rgb(0.7, 0, 0) });
  page.drawText(lines.service, { x: 18, y: height - 52, size: 11, font });
  let y = height - 90;
  for (const line of lines.to) {
    page.drawText(winAnsi(line), { x: 18, y, size: 11, font });
    y -= 15;
  }
  // Bars stand in for the barcode; the PIN is printed under them, as on a real label.
  for (let i = 0; i < lines.pin.length; i++) {
    const d = Number(lines.pin[i]);
    page.drawRectangle({ x: 18 + i * 15, y: 90, width: 2 + (d % 4) * 2, height: 60, color: rgb(0, 0, 0) });
  }
  page.drawText(lines.pin, { x: 18, y: 70, size: 16, font: bold });
  return doc.save();
}

/** A manifest PDF (letter size) listing the shipments. */
export async function manifestPdf(poNumber: string, pins: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`SANDBOX MANIFEST ${poNumber}`, { x: 40, y: 750, size: 16, font });
  pins.slice(0, 40).forEach((pin, i) => page.drawText(pin, { x: 40, y: 720 - i * 16, size: 11, font }));
  return doc.save();
}

/** The standard fonts speak WinAnsi: accents survive, other scripts become "?". */
function winAnsi(s: string): string {
  return s.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, "?");
}

/** What a Delivery Confirmation Certificate states (Canada Post's lists service, references, date, signer). */
export interface CertificateLines {
  pin: string;
  service: string;
  reference: string | undefined;
  deliveredOn: string;
  deliveredAt: string;
  place: string;
  signatory: string | undefined;
}

/** A Delivery Confirmation Certificate as the sandbox makes it: one letter page. */
export async function certificatePdf(c: CertificateLines): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Canada Post sandbox delivery confirmation ${c.pin}`);
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText("SANDBOX — Delivery Confirmation Certificate", { x: 40, y: 740, size: 16, font: bold, color: rgb(0.7, 0, 0) });
  const rows = [
    ["Tracking number", c.pin],
    ["Service", c.service],
    ["Reference", c.reference ?? ""],
    ["Delivered", `${c.deliveredOn} ${c.deliveredAt}`],
    ["Where", c.place],
    ["Signed by", c.signatory ?? "no signature recorded"],
  ];
  rows.forEach(([k, v], i) => {
    page.drawText(`${k}:`, { x: 40, y: 700 - i * 22, size: 12, font: bold });
    page.drawText(winAnsi(v!), { x: 180, y: 700 - i * 22, size: 12, font });
  });
  return doc.save();
}
