// The late shipment rate as Best Buy computes it (orders shipped after their deadline over orders
// shipped, the last 30 days), from shipdesk's own records, against a table of orders whose
// deadlines and ship times are known. "Shipped" is when Best Buy accepted OR24.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { lateRateLine, lateRateOf, lateShipmentRate, lateShipmentText } from "../../src/deadlines/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import insertOrderSql from "./insert_order.sql" with { type: "text" };
import insertShipmentSql from "./insert_shipment.sql" with { type: "text" };
import { useTimeZone } from "../support/time-zone.ts";

const NOW = new Date("2026-12-03T22:50:00Z");
const ago = (days: number, minutes = 0) => new Date(NOW.getTime() - days * 86_400_000 - minutes * 60_000);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
const iso = (d: Date) => d.toISOString().replace(/\.000Z$/, "Z");

interface Case {
  id: string;
  /** shipping_deadline as OR11 writes it; null: the order came without one. */
  deadline: string | null;
  /** OR24 accepted (shipments.bestbuy_shipped_at); null: no shipment confirmed by shipdesk. */
  or24: Date | null;
  /** orders.shipped_at: set by the OR24 step too, or by intake for an order shipped by other means. */
  shippedAt: Date | null;
  status: string;
  counted: boolean;
  late: boolean;
}

const d5 = ago(5);
const d20 = ago(20);
const CASES: Case[] = [
  { id: "ON-TIME", deadline: iso(d5), or24: ago(6), shippedAt: ago(6), status: "shipped", counted: true, late: false },
  { id: "AT-THE-SECOND", deadline: iso(d5), or24: d5, shippedAt: d5, status: "shipped", counted: true, late: false },
  { id: "ONE-MINUTE-LATE", deadline: iso(d5), or24: plus(d5, 1), shippedAt: plus(d5, 1), status: "shipped", counted: true, late: true },
  { id: "DAYS-LATE", deadline: iso(d20), or24: ago(18), shippedAt: ago(18), status: "shipped", counted: true, late: true },
  // The deadline with an offset: 17:00 in Toronto is 22:00 UTC; shipped 22:30 UTC is late.
  { id: "OFFSET", deadline: "2026-11-30T17:00:00-05:00", or24: new Date("2026-11-30T22:30:00Z"), shippedAt: new Date("2026-11-30T22:30:00Z"), status: "closed", counted: true, late: true },
  { id: "NO-DEADLINE", deadline: null, or24: ago(2), shippedAt: ago(2), status: "shipped", counted: true, late: false },
  // Shipped by other means (no label of shipdesk): intake's time is all there is.
  { id: "ELSEWHERE-LATE", deadline: iso(ago(3)), or24: null, shippedAt: ago(2), status: "shipped", counted: true, late: true },
  // OR24 accepted in time; a later read of the order must not move that moment.
  { id: "OR24-COUNTS", deadline: iso(ago(4)), or24: ago(4, 30), shippedAt: ago(3), status: "shipped", counted: true, late: false },
  // Just inside and just outside the 30 days.
  { id: "INSIDE-30-DAYS", deadline: iso(ago(31)), or24: ago(30, -1), shippedAt: ago(30, -1), status: "shipped", counted: true, late: true },
  { id: "OUTSIDE-30-DAYS", deadline: iso(ago(32)), or24: ago(30, 1), shippedAt: ago(30, 1), status: "shipped", counted: false, late: false },
  // Not shipped yet, even if overdue: Best Buy counts it once it ships.
  { id: "OVERDUE-OPEN", deadline: iso(ago(1)), or24: null, shippedAt: null, status: "accepted", counted: false, late: false },
  // Shipped after now (a clock ahead of this reading): not in the window.
  { id: "FUTURE", deadline: iso(ago(1)), or24: plus(NOW, 5), shippedAt: plus(NOW, 5), status: "shipped", counted: false, late: false },
];

let t: TestDatabase;
useTimeZone("America/Toronto");
beforeAll(async () => {
  t = await freshServerDatabase("late_rate");
  for (const c of CASES) {
    await t.db.query(insertOrderSql, [c.id, c.status, c.deadline, c.shippedAt]);
    if (c.or24) await t.db.query(insertShipmentSql, [c.id, "tracking_updated", `PIN-${c.id}`, c.or24, null]);
  }
});
afterAll(async () => t.drop());

test("counts the orders shipped in the last 30 days, and those shipped after their deadline, as the table says", async () => {
  const rate = await lateShipmentRate(t.db, NOW);
  const counted = CASES.filter((c) => c.counted);
  const late = CASES.filter((c) => c.late).map((c) => c.id);
  expect(rate.shipped).toBe(counted.length);
  expect(rate.late.map((l) => l.orderId).sort()).toEqual(late.sort());
  expect(rate.rate).toBeCloseTo(late.length / counted.length, 10);
  // The most late first: the order that hurt the rate most is read first.
  expect(rate.late.map((l) => l.orderId)[0]).toBe("DAYS-LATE");
  expect(rate.late.find((l) => l.orderId === "ONE-MINUTE-LATE")!.lateByMs).toBe(60_000);
  expect(lateRateLine(rate)).toBe(
    `Late shipments, last 30 days: ${late.length} of ${counted.length} orders shipped (${((late.length / counted.length) * 100).toFixed(1)}%), as Best Buy counts them: shipped after the shipping deadline.`,
  );
});

test("each late order says its deadline and when it shipped, in local time", () => {
  const l = { orderId: "OFFSET", deadline: new Date("2026-11-30T22:00:00Z"), shippedAt: new Date("2026-11-30T22:30:00Z"), lateByMs: 30 * 60_000 };
  expect(lateShipmentText(l)).toBe("OFFSET: due 2026-11-30 17:00, shipped 2026-11-30 17:30 (30 min late)");
});

test("nothing shipped: no rate, said so", () => {
  const none = lateRateOf([], NOW);
  expect(none.rate).toBeUndefined();
  expect(lateRateLine(none)).toBe("Late shipments, last 30 days: none shipped yet, so no rate.");
});
