// What needs a person now: one item per reason, with the fix (shipdesk status, the print page, the desk).
import { ADDRESS_CODES } from "../address/index.ts";
import { LOCK } from "../common/locks.ts";
import type { Queryable } from "../db/index.ts";
import { LABELS_FOLDER_CAUSE } from "../labels/index.ts";
import { inDeadlineOrder } from "../deadlines/index.ts";
import { parcelsNeedingPerson, type ParcelKind } from "./parcels.ts";
import { refusalFix } from "./refusal-fix.ts";
import { alertFix } from "./alert-fix.ts";
import needsPersonSql from "../../sql/status/needs_person.sql" with { type: "text" };

export type AttentionKind =
  | "problem"
  | "order_attention"
  | "label_failed"
  | "shipment_attention"
  | "not_saved"
  | "unfinished"
  | "voided_no_label"
  | "print_failed"
  | "print_in_doubt"
  | "transmit_in_doubt"
  | "transmit_refused"
  | "manifest_unsaved"
  | "untransmitted"
  | "alert_failed"
  | ParcelKind;

export interface Attention {
  /** The order (the first, when several share the reason); for the end of day, "group …" or "manifest …". */
  orderId: string;
  /** Every order this reason applies to, in the order listed; empty for the end of day's items. */
  orderIds: string[];
  kind: AttentionKind;
  /** Said once, however many orders share it. */
  reason: string;
  /** The one fix that applies, for every order in `orderIds`. */
  fix: string;
  since: Date;
  /** The problem's code (an address one is corrected in shipdesk), Canada Post's message codes, or the cause. */
  code: string | null;
  /** What is known of each order beyond the reason, "ORDER: PIN …" (a bought label's PIN). */
  details: string[];
  /** The earliest shipping deadline of its orders (Best Buy's), when known: the list is in that order. */
  deadline?: Date | undefined;
}

/** What each item is, in a few words (the print page's badge, the desk's heading). */
export const ATTENTION_TITLE: Record<AttentionKind, string> = {
  problem: "cannot ship",
  order_attention: "order flagged",
  label_failed: "label refused",
  shipment_attention: "label flagged",
  not_saved: "label bought, not saved",
  unfinished: "label unfinished",
  voided_no_label: "label voided, no new one",
  print_failed: "label not printed",
  print_in_doubt: "label perhaps printed",
  transmit_in_doubt: "end of day unsettled",
  transmit_refused: "transmit refused",
  manifest_unsaved: "manifest not saved",
  untransmitted: "not transmitted",
  parcel_attempted: "parcel waiting at a post office",
  parcel_returning: "parcel going back to you",
  parcel_returned: "parcel back with you",
  parcel_stuck: "parcel stuck",
  parcel_late: "parcel delivered late",
  alert_failed: "alert not delivered",
};

/** End-of-day items name a group or a manifest, an alert item its channel: not an order. */
export const isOrderAttention = (kind: AttentionKind): boolean =>
  !["transmit_in_doubt", "transmit_refused", "manifest_unsaved", "untransmitted", "alert_failed"].includes(kind);

/**
 * The fix for an address problem: sellers cannot edit a customer's address at Best Buy, so it
 * is corrected in shipdesk, beside Best Buy's.
 */
export function addressFix(orderId: string, code: string | null): string {
  if (code === "bestbuy_address_changed") {
    return `Compare Best Buy's new address with the correction (shipdesk address ${orderId} --show), then keep the correction (shipdesk address ${orderId} --confirm), change it, or drop it (shipdesk address ${orderId} --drop).`;
  }
  return `Correct the address in shipdesk: shipdesk address ${orderId} --show prints what the label will say, and shipdesk address ${orderId} --line1 "…" --city "…" (any field) saves a correction beside Best Buy's; or use Address in the review screen (run shipdesk), or the form on the print page's Needs attention.`;
}

/** "A", "A and B", "A, B and C". */
export const orderList = (ids: readonly string[]): string => (ids.length <= 1 ? (ids[0] ?? "") : `${ids.slice(0, -1).join(", ")} and ${ids.at(-1)}`);

const each = (ids: readonly string[], command: (id: string) => string) => ids.map(command).join("; ");

// A parcel's fix is its own (the post office, the dates, the refund): src/status/parcels.ts words each.
const FIX: Record<Exclude<AttentionKind, ParcelKind>, (ids: string[], code: string | null) => string> = {
  problem: (ids, code) =>
    code === "too_heavy" || code === "missing_weight"
      ? "Set the right weight for the order or its SKU in the review screen (run shipdesk)."
      : code === "foreign_destination" || code === "bad_country"
        ? "Ship this one by hand: shipdesk buys domestic Canada Post labels only."
        : code !== null && ADDRESS_CODES.has(code)
          ? ids.length === 1
            ? addressFix(ids[0]!, code)
            : `Correct each address in shipdesk (shipdesk address ORDER --show, then --line1 "…" --city "…"), in the review screen (run shipdesk) or with the form on the print page's Needs attention: ${orderList(ids)}.`
          : "Check the order in the Best Buy seller portal, then run shipdesk orders sync.",
  order_attention: (ids) => `Deal with it as the reason says (for a cancelled order: ${each(ids, (id) => `shipdesk void ${id}`)}).`,
  label_failed: (ids, code) => refusalFix(ids, code),
  shipment_attention: (ids) => `Deal with it as the reason says, then run ${each(ids, (id) => `shipdesk track --retry ${id}`)}.`,
  not_saved: (_ids, code) =>
    code === LABELS_FOLDER_CAUSE
      ? "Fix the labels folder as the reason says (or set labels_dir in shipdesk.toml to a folder this user may write to), then run shipdesk ship: it downloads these labels again from Canada Post and saves them; nothing is bought again."
      : "Run shipdesk ship: it downloads the label again from Canada Post and saves it; nothing is bought again.",
  unfinished: () => "Run shipdesk ship: it first asks Canada Post whether this label exists and adopts it, so nothing is bought twice.",
  voided_no_label: (ids) =>
    `If the order still ships, buy it a new label: ${each(ids, (id) => `shipdesk void ${id} --reship`)}, then shipdesk ship (or Buy a new label on the print page's Needs attention, or in the desk). If it will not ship, cancel it in the Best Buy seller portal, then run shipdesk orders sync.`,
  print_failed: (ids) =>
    `Fix the printer as the reason says; the next run prints ${ids.length === 1 ? "it" : "them"} (or Send picked to the printer on the label page, or ${each(ids, (id) => `shipdesk print ${id}`)}).`,
  print_in_doubt: (ids) =>
    `Look at the printer. If ${ids.length === 1 ? "it" : "a label"} did not print: ${each(ids, (id) => `shipdesk print ${id} --again`)} (or Send picked to the printer on the label page); if it did, Mark picked as printed on the label page. shipdesk never prints it again by itself.`,
  transmit_in_doubt: (_ids, code) =>
    code === "no_manifest"
      ? "Run shipdesk manifest later: it looks for the manifest again; if none appears, print it from Canada Post's website (Manifests) or call Canada Post with the orders' PINs."
      : "Run shipdesk manifest: it asks Canada Post what became of each label and never transmits twice; if Canada Post still cannot say, call its commercial support with the group id(s) and the orders' PINs.",
  transmit_refused: () => "Fix what Canada Post said (often the sender address, contract or customer number in shipdesk.toml), then run shipdesk manifest.",
  manifest_unsaved: () => "Run shipdesk manifest: it downloads the manifest again; check the labels folder if it keeps failing.",
  untransmitted: () => "Run shipdesk manifest today: it transmits every group up to today's.",
  alert_failed: (_ids, code) => alertFix(code),
};

/**
 * The one thing `attention.fix` depends on besides the kind: its orders (or subject) and code.
 * A parcel's fix is its own (status/parcels.ts: the post office, the dates): undefined here.
 */
export const attentionFix = (kind: AttentionKind, ids: string[], code: string | null): string | undefined =>
  kind in FIX ? FIX[kind as keyof typeof FIX](ids, code) : undefined;

interface Row {
  order_id: string;
  kind: Exclude<AttentionKind, ParcelKind>;
  reason: string;
  since: Date;
  code: string | null;
  detail: string | null;
}

/**
 * One item per reason: orders that share the kind, the words and the code (the labels folder, a
 * setting Canada Post refuses) are said once, with every order id and what is known of each.
 */
export function groupAttention(rows: readonly Row[]): Attention[] {
  const groups = new Map<string, { first: Row; ids: string[]; details: string[]; since: Date }>();
  for (const r of rows) {
    const key = isOrderAttention(r.kind) ? `${r.kind}\u0000${r.code ?? ""}\u0000${r.reason}` : `${r.kind}\u0000${r.order_id}\u0000${r.reason}`;
    const since = new Date(r.since);
    const g = groups.get(key);
    if (!g) groups.set(key, { first: r, ids: [r.order_id], details: r.detail ? [`${r.order_id}: ${r.detail}`] : [], since });
    else {
      if (!g.ids.includes(r.order_id)) g.ids.push(r.order_id);
      if (r.detail) g.details.push(`${r.order_id}: ${r.detail}`);
      if (since < g.since) g.since = since;
    }
  }
  return [...groups.values()].map(({ first, ids, details, since }) => {
    const orderIds = isOrderAttention(first.kind) ? [...ids].sort() : [];
    return {
      orderId: orderIds[0] ?? first.order_id,
      orderIds,
      kind: first.kind,
      reason: first.reason,
      fix: FIX[first.kind](orderIds.length > 0 ? orderIds : ids, first.code),
      since,
      code: first.code,
      details: details.sort(),
    };
  });
}

/**
 * Everything that needs a person now, one item per reason (see groupAttention), the item whose
 * orders' shipping deadline comes first at the top; the end of day's items after them; then the
 * parcels, one item each.
 */
export async function needsAttention(db: Queryable, now: Date = new Date()): Promise<Attention[]> {
  const labels = await inDeadlineOrder(db, groupAttention(await db.query<Row & Record<string, unknown>>(needsPersonSql, [LOCK.label, LOCK.print])));
  const parcels = (await parcelsNeedingPerson(db, now)).map((p): Attention => ({ ...p, orderIds: [p.orderId] }));
  return [...labels, ...parcels];
}

/** "A", or "3 orders (A, B and C)": who an item is about. */
export function attentionWho(a: Attention): string {
  if (a.orderIds.length <= 1) return a.orderId;
  return `${a.orderIds.length} orders (${orderList(a.orderIds)})`;
}

/** One item as the clerk reads it on the screen: who, what, the reason, each order's detail, the fix. */
export function formatAttention(a: Attention, indent = "  "): string {
  const lines = [`${indent}${attentionWho(a)}: ${a.orderIds.length > 1 || a.details.length > 0 ? `${ATTENTION_TITLE[a.kind]}: ` : ""}${a.reason}`];
  if (a.details.length > 0) lines.push(`${indent}  ${a.details.join("; ")}`);
  lines.push(`${indent}  Fix: ${a.fix}`);
  return lines.join("\n");
}
