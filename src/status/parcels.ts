// The parcels that need a person (waiting at a post office, going back, back, stuck, late), each
// with its one fix, and the late-delivery refunds still to claim.
import { localDay, localTime } from "../common/calendar.ts";
import { money } from "../common/money.ts";
import type { Queryable } from "../db/index.ts";
import parcelsNeedingPersonSql from "../../sql/status/parcels_needing_person.sql" with { type: "text" };
import lateRefundsSql from "../../sql/status/late_refunds.sql" with { type: "text" };

export type ParcelKind = "parcel_attempted" | "parcel_returning" | "parcel_returned" | "parcel_stuck" | "parcel_late";

interface Row {
  order_id: string;
  tracking_pin: string;
  attention: "attempted" | "returning" | "returned" | "stuck" | "late";
  state: string;
  last_event_text: string | null;
  last_event_place: string | null;
  last_event_at: Date | null;
  last_scan_at: Date | null;
  post_office: string | null;
  held_until: string | null;
  expected_delivery: string | null;
  delivered_on: string | null;
  claim_by: string | null;
  guaranteed: boolean;
  watch_ended: boolean;
  label_at: Date;
  paid: number | null;
  customer_name: string | null;
  ship_phone: string | null;
  since: Date;
}

/** One parcel's item, in the shape of status's list (attention.ts). */
export interface ParcelItem {
  orderId: string;
  kind: ParcelKind;
  reason: string;
  fix: string;
  since: Date;
  code: string;
  details: string[];
}

const when = (d: Date | null) => (d ? localTime(new Date(d)) : "");
const lastEvent = (r: Row) => [r.last_event_text, r.last_event_place, when(r.last_event_at)].filter(Boolean).join(", ");
const done = (order: string) => `then shipdesk parcels --done ${order}`;

function attempted(r: Row): Pick<ParcelItem, "reason" | "fix"> {
  const where = r.post_office ?? "a post office";
  const until = r.held_until ? ` until ${r.held_until}` : "";
  const who = [r.customer_name, r.ship_phone].filter(Boolean).join(", ");
  return {
    reason: `Canada Post could not deliver the parcel and left a notice card: it waits at ${where}${until} (${lastEvent(r)}).`,
    fix: `Call the customer${who ? ` (${who})` : ""}: the parcel waits at the post office at ${where}${until}, to pick up with the notice card and ID, or it goes back to you; ${done(r.order_id)}.`,
  };
}

function stuck(r: Row): Pick<ParcelItem, "reason" | "fix"> {
  if (r.watch_ended) {
    return {
      reason: `The parcel is not delivered ${Math.round((Date.now() - new Date(r.label_at).getTime()) / 86_400_000)} days after its label (last: ${lastEvent(r) || "no scan"}); shipdesk no longer asks Canada Post about it.`,
      fix: `Open a trace with Canada Post for PIN ${r.tracking_pin} and settle the order with the customer in the Best Buy seller portal; ${done(r.order_id)}.`,
    };
  }
  if (!r.last_scan_at) {
    return {
      reason: `Canada Post has not scanned the parcel since its label was bought (${when(r.label_at)}).`,
      fix: `Check that the parcel left with the day's pickup or drop-off (its label on the manifest); if it did, open a trace with Canada Post for PIN ${r.tracking_pin}; ${done(r.order_id)}.`,
    };
  }
  return {
    reason: `No scan of the parcel since ${when(r.last_scan_at)} (last: ${lastEvent(r)}).`,
    fix: `Open a trace with Canada Post for PIN ${r.tracking_pin} and tell the customer it is delayed; ${done(r.order_id)}.`,
  };
}

function late(r: Row): Pick<ParcelItem, "reason" | "fix"> {
  const reason = `The parcel was delivered on ${r.delivered_on}, after the promised ${r.expected_delivery}.`;
  const incident = `answer a Best Buy "Delivery took longer than expected" incident with the tracking (shipdesk proof ${r.order_id} saves Canada Post's delivery certificate)`;
  if (r.guaranteed && r.paid !== null) {
    return { reason, fix: `Claim the late-delivery refund of ${money(r.paid)} from Canada Post (service guarantee, PIN ${r.tracking_pin}) by ${r.claim_by}, and ${incident}; ${done(r.order_id)}.` };
  }
  return { reason, fix: `This service has no delivery guarantee, so there is no refund to claim: ${incident}; ${done(r.order_id)}.` };
}

const WORDS: Record<Row["attention"], (r: Row) => Pick<ParcelItem, "reason" | "fix">> = {
  attempted,
  returning: (r) => ({
    reason: `The parcel is going back to you (${lastEvent(r)}).`,
    fix: `Tell the customer, and decide in the Best Buy seller portal whether to refund the order or ship it again once the parcel is back; ${done(r.order_id)}.`,
  }),
  returned: (r) => ({
    reason: `The parcel came back to you (${lastEvent(r)}).`,
    fix: `Check the parcel, then refund the order in the Best Buy seller portal or ship it again with the customer's agreement; ${done(r.order_id)}.`,
  }),
  stuck,
  late,
};

/** Each parcel that needs a person, one item each (a parcel's fix is its own). */
export async function parcelsNeedingPerson(db: Queryable, now: Date = new Date()): Promise<ParcelItem[]> {
  const rows = await db.query<Row & Record<string, unknown>>(parcelsNeedingPersonSql, [localDay(now)]);
  return rows.map((r) => ({
    orderId: r.order_id,
    kind: `parcel_${r.attention}` as ParcelKind,
    ...WORDS[r.attention](r),
    since: new Date(r.since),
    code: r.attention,
    details: [`${r.order_id}: PIN ${r.tracking_pin}${r.attention === "late" && r.guaranteed && r.paid !== null ? `, ${money(r.paid)} paid, claim by ${r.claim_by}` : ""}`],
  }));
}

export interface LateRefund {
  order_id: string;
  tracking_pin: string;
  service_code: string | null;
  expected_delivery: string;
  delivered_on: string;
  claim_by: string;
  paid: number | null;
  /** The clerk marked it dealt with (shipdesk parcels --done). */
  claimed: boolean;
}

/** Late guaranteed deliveries whose refund can still be claimed, the soonest deadline first. */
export function lateRefunds(db: Queryable, now: Date = new Date()): Promise<LateRefund[]> {
  return db.query<LateRefund & Record<string, unknown>>(lateRefundsSql, [localDay(now)]);
}

/** "Late-delivery refunds to claim: 2 parcel(s), $31.40 in all; the first by 2027-01-15." */
export function refundsLine(refunds: readonly LateRefund[]): string {
  const open = refunds.filter((r) => !r.claimed);
  if (open.length === 0) return "Late-delivery refunds to claim: none.";
  const total = open.reduce((sum, r) => sum + (r.paid ?? 0), 0);
  return `Late-delivery refunds to claim: ${open.length} parcel(s), ${money(total)} in all; the first by ${open[0]!.claim_by} (each is listed below with its order).`;
}
