import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { Queryable } from "../../src/db/index.ts";
import { recordRefetchedLabel, type RefetchLabel } from "../../src/server/index.ts";
import insertOrder from "./insert_order.sql" with { type: "text" };
import insertLabelShipment from "./insert_label_shipment.sql" with { type: "text" };
import shipmentState from "./shipment_state.sql" with { type: "text" };

export const LABEL_SIZE = { width: 288, height: 432 } as const;

export interface BatchLabel {
  shipmentId: number;
  orderId: string;
  name: string;
  city: string;
  pin: string;
  path: string;
}

const CITIES: Array<[string, string, string]> = [
  ["Ottawa", "ON", "K1A0B1"],
  ["Montréal", "QC", "H2X1Y4"],
  ["Vancouver", "BC", "V6B1A1"],
  ["Halifax", "NS", "B3H1A1"],
  ["Calgary", "AB", "T2P1J9"],
];
const NAMES = ["Amélie Tremblay", "Jordan Singh", "Chloé Roy", "Liam O'Brien", "Mei Chen", "Noah Gagnon"];

/** A 4x6 label like Canada Post's, with the PIN printed on it (what the clerk checks by eye). */
export async function makeLabelPdf(pin: string, orderId: string, name: string, city: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([LABEL_SIZE.width, LABEL_SIZE.height]);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 8, y: 8, width: 272, height: 416, borderColor: rgb(0, 0, 0), borderWidth: 1.5 });
  page.drawText("CANADA POST  Expedited Parcel", { x: 18, y: 400, size: 11, font: bold });
  // pdf-lib's standard fonts are WinAnsi: accents are fine, but keep to that set.
  page.drawText(`TO: ${name}`, { x: 18, y: 360, size: 12, font });
  page.drawText(city, { x: 18, y: 342, size: 12, font });
  page.drawText(`Order ${orderId}`, { x: 18, y: 300, size: 10, font });
  page.drawRectangle({ x: 18, y: 120, width: 252, height: 80, color: rgb(0, 0, 0) });
  page.drawText("PIN", { x: 18, y: 90, size: 10, font });
  page.drawText(pin, { x: 18, y: 60, size: 22, font: bold });
  return doc.save();
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A batch of n orders whose labels were bought: orders and shipments in label_created, each with
 * a real 4x6 PDF in the labels folder. (When the shipping workflow lands, this becomes a real
 * sandbox batch; keep every test's set-up going through here.)
 */
export async function makeLabelBatch(db: Queryable, labelsDir: string, n: number, prefix = "BB"): Promise<BatchLabel[]> {
  mkdirSync(labelsDir, { recursive: true });
  const batch: BatchLabel[] = [];
  for (let i = 0; i < n; i++) {
    const orderId = `${prefix}${String(100200 + i)}-A`;
    const [city, province, postal] = CITIES[i % CITIES.length]!;
    const name = NAMES[i % NAMES.length]!;
    const pin = String(7023415500000000 + i * 137);
    const path = resolve(join(labelsDir, `${orderId}.pdf`));
    const pdf = await makeLabelPdf(pin, orderId, name, `${city} ${province} ${postal}`);
    writeFileSync(path, pdf);
    await db.query(insertOrder, [orderId, name, `${10 + i} Main St`, city, province, postal, "[]", null]);
    const [row] = await db.query<{ shipment_id: number }>(insertLabelShipment, [
      orderId,
      `CPS${orderId}`,
      pin,
      `https://ct.soa-gw.canadapost.ca/rs/artifact/2004381/${i + 1}/0`,
      path,
      sha256(pdf),
      pdf.length,
    ]);
    batch.push({ shipmentId: row!.shipment_id, orderId, name, city, pin, path });
  }
  return batch;
}

/**
 * Stands in for the workflow's re-download: writes a fresh PDF of the same label to the row's
 * path and records it, counting its calls. It never creates a shipment.
 */
export function countingRefetch(db: Queryable, labelsDir: string): RefetchLabel & { calls: number[] } {
  const calls: number[] = [];
  const refetch = async (shipmentId: number) => {
    calls.push(shipmentId);
    const [row] = await db.query<{ order_id: string; tracking_pin: string; label_pdf_path: string }>(shipmentState, [shipmentId]);
    if (!row) return { ok: false as const, message: "no such shipment" };
    const path = resolve(labelsDir, row.label_pdf_path);
    const pdf = await makeLabelPdf(row.tracking_pin, row.order_id, "(fetched again)", "");
    writeFileSync(path, pdf);
    await recordRefetchedLabel(db, shipmentId, sha256(pdf), pdf.length);
    return { ok: true as const, path };
  };
  return Object.assign(refetch, { calls });
}
