import type { Review, ReviewRow } from "./batch.ts";
import { batchPrice, priceText, weightText } from "./batch.ts";
import { money } from "../common/money.ts";
import { localDateTime } from "../common/local-time.ts";
import { timeLeft } from "../deadlines/index.ts";
import { orderList } from "../status/index.ts";
import { fitTable, textWidth, truncate, wrapWords, type Column } from "./fit.ts";

const priceCell = (r: ReviewRow) => (r.price === undefined ? (r.selectable ? "?" : "") : money(r.price));

/** Overdue, due today, or not buyable as it is (a problem, a refusal, a hold): marked "!". */
export function standsOut(r: ReviewRow, now: Date): boolean {
  const urgency = timeLeft(r.deadline, now).urgency;
  return urgency === "overdue" || urgency === "today" || !r.selectable || r.again !== undefined;
}

/** "today 17:00 — 2 h 10 min", "today 09:00 — overdue 1 h 5 min". */
const shipsBy = (r: ReviewRow, now: Date) => {
  const left = timeLeft(r.deadline, now);
  return left.urgency === "none" ? "no deadline" : `${left.when} — ${left.left}`;
};

/**
 * The review's columns, most important first: the order, its deadline and time left, then what it
 * ships with and costs; the name, city, delivery date and weight go first when the window is narrow.
 */
function columns(now: Date): Column<ReviewRow>[] {
  return [
    { title: " ", priority: 0, cell: (r) => (standsOut(r, now) ? "!" : " ") },
    { title: "Order", priority: 0, cell: (r) => r.orderId },
    { title: "Ships by", priority: 1, cell: (r) => shipsBy(r, now) },
    { title: "Service", priority: 2, cell: (r) => r.service },
    { title: "Price", priority: 3, cell: priceCell, right: true },
    { title: "Name", priority: 4, min: 8, cell: (r) => r.name },
    { title: "City", priority: 5, min: 12, cell: (r) => r.place },
    { title: "Arrives", priority: 6, cell: (r) => r.arrives ?? "" },
    { title: "Weight", priority: 7, min: 6, cell: (r) => weightText(r) },
  ];
}

/** Why an order that had a label is listed again. */
export const againText = (again: NonNullable<ReviewRow["again"]>): string =>
  again.kind === "refused" ? (again.reason.startsWith("Canada Post refused") ? again.reason : `Refused by Canada Post: ${again.reason}`) : `Voided: ${again.reason}`;

/** What is said under the table of one order: what stops or worries it, then what to do here. */
function notesOf(r: ReviewRow): string[] {
  const lines: string[] = [];
  if (r.held) lines.push(`On hold since ${localDateTime(r.held.since)}${r.held.by ? ` (${r.held.by})` : ""}: no run buys it.`);
  if (r.again) lines.push(againText(r.again));
  lines.push(...r.problems);
  if (r.warn && r.serviceNote) lines.push(r.serviceNote);
  const first = lines.map((l) => `! ${l}`);
  if (r.fix) first.push(`  Fix: ${r.fix}`);
  else if (r.again) first.push(`  Left out: put ${"{them}"} in the batch to buy ${r.again.kind === "refused" ? "again" : "a new label"}, built as ${"{it is}"} now (change the service, weight or address first if that was the cause).`);
  return first;
}

/**
 * What the table's orders have to say, a shared cause said once: orders whose notes are the same
 * (eight labels refused for one setting) are one block, with the count and every order id.
 */
export function batchNotes(rows: readonly ReviewRow[]): string[] {
  const blocks = new Map<string, string[]>();
  for (const r of rows) {
    const notes = notesOf(r);
    if (notes.length === 0) continue;
    const key = notes.join("\n");
    blocks.set(key, [...(blocks.get(key) ?? []), r.orderId]);
  }
  return [...blocks].flatMap(([key, ids]) => {
    const who = ids.length === 1 ? ids[0]! : `${ids.length} orders (${orderList(ids)})`;
    const [head, ...rest] = key.replaceAll("{them}", ids.length === 1 ? "it" : "them").replaceAll("{it is}", ids.length === 1 ? "it is" : "they are").split("\n");
    return [`${head!.replace(/^! /, `! ${who}: `)}`, ...rest];
  });
}

/**
 * The batch fitted to `width` columns (the least important columns cut, then left out, never a
 * line wider), earliest deadline first as the rows come; then each shared note once.
 */
export function batchTable(rows: readonly ReviewRow[], width = 120, now: Date = new Date()): string[] {
  const fitted = fitTable(columns(now), rows, width);
  const out = [...fitted.lines];
  if (fitted.dropped.length > 0) out.push(...wrapWords(`(${fitted.dropped.join(", ")}: not shown in a window this narrow; widen it to see them.)`, width));
  const notes = batchNotes(rows);
  if (notes.length > 0) out.push("", ...notes.flatMap((n) => wrapWords(n, width)));
  return out;
}

/** "6 orders without a label: 5 can ship, 1 has problems to fix first." (and the refused, voided or held ones, left out). */
export function batchHeadline(review: Review): string {
  const total = review.rows.length;
  const bad = review.rows.filter((r) => r.problems.length > 0).length;
  const held = review.rows.filter((r) => r.held && r.problems.length === 0).length;
  const again = review.rows.filter((r) => r.again && r.selectable).length;
  const head = `${total} order${total === 1 ? "" : "s"} without a label`;
  const price = priceText(batchPrice(review), review.selected.size);
  const batch = price ? ` The batch${price}.` : "";
  const left = again > 0 ? ` ${again} refused or voided before, left out until you put ${again === 1 ? "it" : "them"} in.` : "";
  const kept = held > 0 ? ` ${held} on hold, left out until released.` : "";
  if (bad === 0 && held === 0) return `${head}, all ready to ship.${left}${batch}`;
  const problems = bad > 0 ? `, ${bad} ${bad === 1 ? "has" : "have"} problems to fix first (not selectable)` : "";
  return `${head}: ${total - bad - held} can ship${problems}.${kept}${left}${batch}`;
}

/**
 * Each order as one option of the pickers (the multiselect, "Which order?"), aligned and fitted
 * to `width`; the option's hint is cut to what is left of its line, or left out.
 */
export function rowLabels(rows: readonly ReviewRow[], width: number, now: Date = new Date()): Map<string, string> {
  const fitted = fitTable(columns(now).slice(1), rows, width, { header: false });
  return new Map(rows.map((r, i) => [r.orderId, fitted.lines[i]!]));
}

/** A hint that fits beside its label (clack shows it as " (hint)"), or none when there is no room. */
export function fittedHint(label: string, hint: string | undefined, width: number): string | undefined {
  if (!hint) return undefined;
  const room = width - textWidth(label) - 3;
  return room >= 12 ? truncate(hint, room) : undefined;
}

/** One order in one line, as after a change: the same columns, cut to `width`. */
export function rowLabel(r: ReviewRow, width = 120, now: Date = new Date()): string {
  return rowLabels([r], width, now).get(r.orderId)!;
}

/** After the multiselect, in one line: its own echo joins every label and is hard to read. */
export function batchChoice(review: Review): string {
  const inBatch = review.rows.filter((r) => review.selected.has(r.orderId));
  const out = review.rows.filter((r) => r.selectable && !review.selected.has(r.orderId));
  const head = `${inBatch.length} order${inBatch.length === 1 ? "" : "s"} in the batch${priceText(batchPrice(review), inBatch.length)}`;
  if (out.length === 0) return `${head}.`;
  const who = out.map((r) => `${r.orderId} (${r.name})`).join(", ");
  return `${head}; left out: ${who}. Left out of this batch only: the next run (--auto too) buys ${out.length === 1 ? "its label" : "their labels"}; to keep an order back, hold it ("Yes, change an order" > the order > Hold).`;
}
