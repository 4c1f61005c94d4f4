import type { Queryable } from "../db/index.ts";
import { parseDeadline } from "./deadline.ts";
import { localDateTime } from "../common/local-time.ts";
import { duration } from "./time-left.ts";
import shippedBetweenSql from "../../sql/deadlines/shipped_between.sql" with { type: "text" };

/** Best Buy judges a seller by the orders shipped in the last 30 days. */
export const LATE_RATE_DAYS = 30;

export interface ShippedOrder {
  orderId: string;
  /** Best Buy's shipping_deadline; undefined when the order came without one. */
  deadline: Date | undefined;
  /** When Best Buy took the order as shipped (OR24 accepted). */
  shippedAt: Date;
}

export interface LateShipment {
  orderId: string;
  deadline: Date;
  shippedAt: Date;
  lateByMs: number;
}

export interface LateRate {
  /** The window: shipped after `since`, up to `until` (now). */
  since: Date;
  until: Date;
  /** Orders shipped in the window: the rate's denominator. */
  shipped: number;
  /** Those shipped after their deadline, most late first: the numerator, and what made it. */
  late: LateShipment[];
  /** late / shipped, 0 to 1; undefined when nothing was shipped. */
  rate: number | undefined;
}

/**
 * The late shipment rate as Best Buy computes it: of the orders shipped in the last 30 days, the
 * share shipped after their shipping deadline. Shipped exactly at the deadline is on time; an
 * order that came without a deadline counts as shipped, never as late.
 */
export function lateRateOf(orders: readonly ShippedOrder[], now: Date, days = LATE_RATE_DAYS): LateRate {
  const since = new Date(now.getTime() - days * 24 * 60 * 60_000);
  const inWindow = orders.filter((o) => o.shippedAt.getTime() > since.getTime() && o.shippedAt.getTime() <= now.getTime());
  const late = inWindow
    .flatMap((o) => (o.deadline && o.shippedAt.getTime() > o.deadline.getTime() ? [{ orderId: o.orderId, deadline: o.deadline, shippedAt: o.shippedAt, lateByMs: o.shippedAt.getTime() - o.deadline.getTime() }] : []))
    .sort((a, b) => b.lateByMs - a.lateByMs || a.orderId.localeCompare(b.orderId));
  return { since, until: now, shipped: inWindow.length, late, rate: inWindow.length === 0 ? undefined : late.length / inWindow.length };
}

/** From shipdesk's own records: every order shipped in the window (see shipped_between.sql). */
export async function lateShipmentRate(db: Queryable, now: Date = new Date(), days = LATE_RATE_DAYS): Promise<LateRate> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60_000);
  const rows = await db.query<{ order_id: string; shipping_deadline: string | null; shipped_at: Date | string }>(shippedBetweenSql, [since, new Date(now.getTime() + 1)]);
  const orders = rows.map((r) => ({ orderId: r.order_id, deadline: parseDeadline(r.shipping_deadline), shippedAt: new Date(r.shipped_at) }));
  return lateRateOf(orders, now, days);
}

/** "2.5%", one decimal. */
export const percent = (rate: number): string => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/** "Late shipments, last 30 days: 1 of 40 orders shipped (2.5%)." */
export function lateRateLine(r: LateRate): string {
  const days = Math.round((r.until.getTime() - r.since.getTime()) / (24 * 60 * 60_000));
  if (r.rate === undefined) return `Late shipments, last ${days} days: none shipped yet, so no rate.`;
  return `Late shipments, last ${days} days: ${r.late.length} of ${r.shipped} order${r.shipped === 1 ? "" : "s"} shipped (${percent(r.rate)}), as Best Buy counts them: shipped after the shipping deadline.`;
}

/** "242000101-A: due 2026-12-03 17:00, shipped 2026-12-03 19:05 (2 h 5 min late)", in local time. */
export const lateShipmentText = (l: LateShipment): string =>
  `${l.orderId}: due ${localDateTime(l.deadline)}, shipped ${localDateTime(l.shippedAt)} (${duration(l.lateByMs)} late)`;
