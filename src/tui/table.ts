import type { Review, ReviewRow } from "./batch.ts";
import { batchPrice, priceText, weightText } from "./batch.ts";
import { money } from "../common/money.ts";

const priceCell = (r: ReviewRow) => (r.price === undefined ? (r.selectable ? "?" : "") : money(r.price));

const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 3)}...` : text.padEnd(width));

const COLUMNS = [
  { title: "Order", width: 16, cell: (r: ReviewRow) => r.orderId },
  { title: "Name", width: 20, cell: (r: ReviewRow) => r.name },
  { title: "City", width: 20, cell: (r: ReviewRow) => r.place },
  { title: "Service", width: 7, cell: (r: ReviewRow) => r.service },
  { title: "Price", width: 8, cell: (r: ReviewRow) => priceCell(r) },
  { title: "Arrives", width: 10, cell: (r: ReviewRow) => r.arrives ?? "" },
  { title: "Weight", width: 30, cell: (r: ReviewRow) => weightText(r) },
] as const;

/**
 * The batch as plain, aligned ASCII lines (the Windows console draws nothing fancier reliably),
 * each problem on its own line under its order so that none is cut off, then how to fix it here.
 */
export function batchTable(rows: readonly ReviewRow[]): string[] {
  const line = (cells: string[]) => cells.join("  ").trimEnd();
  const out = [line(COLUMNS.map((c) => fit(c.title, c.width)))];
  for (const r of rows) {
    out.push(line(COLUMNS.map((c) => fit(c.cell(r), c.width))));
    if (r.again) out.push(`    ! ${againText(r.again)}`);
    for (const p of r.problems) out.push(`    ! ${p}`);
    if (r.warn && r.serviceNote) out.push(`    ! ${r.serviceNote}`);
    if (r.fix) out.push(`    Fix: ${r.fix}`);
    else if (r.again) out.push(`    Left out: put it in the batch to buy ${r.again.kind === "refused" ? "it again" : "a new label"}, built as it is now (change its service, weight or address first if that was the cause).`);
  }
  return out;
}

/** Why an order that had a label is listed again. */
export const againText = (again: NonNullable<ReviewRow["again"]>): string =>
  again.kind === "refused" ? `Refused by Canada Post: ${again.reason}` : `Voided: ${again.reason}`;

/** "6 orders without a label: 5 can ship, 1 has problems to fix first." (and the refused or voided ones, left out). */
export function batchHeadline(review: Review): string {
  const total = review.rows.length;
  const bad = review.rows.filter((r) => !r.selectable).length;
  const again = review.rows.filter((r) => r.again && r.selectable).length;
  const head = `${total} order${total === 1 ? "" : "s"} without a label`;
  const price = priceText(batchPrice(review), review.selected.size);
  const batch = price ? ` The batch${price}.` : "";
  const left = again > 0 ? ` ${again} refused or voided before, left out until you put ${again === 1 ? "it" : "them"} in.` : "";
  if (bad === 0) return `${head}, all ready to ship.${left}${batch}`;
  return `${head}: ${total - bad} can ship, ${bad} ${bad === 1 ? "has" : "have"} problems to fix first (not selectable).${left}${batch}`;
}

/** One option in the multiselect / order picker. */
export function rowLabel(r: ReviewRow): string {
  const price = r.price === undefined ? "" : `  ${money(r.price)}${r.arrives ? ` by ${r.arrives}` : ""}`;
  return `${fit(r.orderId, 16)}  ${fit(r.name, 20)}  ${fit(r.place, 20)}  ${r.service}${price}  ${weightText(r)}`.trimEnd();
}

/** After the multiselect, in one line: its own echo joins every label and is hard to read. */
export function batchChoice(review: Review): string {
  const inBatch = review.rows.filter((r) => review.selected.has(r.orderId));
  const out = review.rows.filter((r) => r.selectable && !review.selected.has(r.orderId));
  const head = `${inBatch.length} order${inBatch.length === 1 ? "" : "s"} in the batch${priceText(batchPrice(review), inBatch.length)}`;
  return out.length === 0 ? `${head}.` : `${head}; left out: ${out.map((r) => `${r.orderId} (${r.name})`).join(", ")}.`;
}
