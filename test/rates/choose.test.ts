// The quote-to-choice rule as a table: which service an order gets from the quotes Canada Post
// gave, the allowed list and Best Buy's promise.
import { describe, expect, test } from "bun:test";
import type { PriceQuote } from "../../src/canadapost/index.ts";
import { localDay } from "../../src/common/calendar.ts";
import { cheapestOnTime, orderPromise, type OrderPromise } from "../../src/rates/index.ts";

// Thursday 3 December 2026; Canada Post's quotes for one parcel from Ottawa to Vancouver.
const MAILING = "2026-12-03";
const quote = (serviceCode: string, due: number, transitDays: number, expectedDeliveryDate: string): PriceQuote => ({
  serviceCode,
  serviceName: serviceCode,
  base: due / 1.2,
  taxes: due - due / 1.13,
  due,
  transitDays,
  expectedDeliveryDate,
  guaranteed: serviceCode !== "DOM.RP",
});
const RP = quote("DOM.RP", 14.1, 6, "2026-12-11");
const EP = quote("DOM.EP", 17.35, 5, "2026-12-10");
const XP = quote("DOM.XP", 26.8, 3, "2026-12-08");
const PC = quote("DOM.PC", 41.2, 2, "2026-12-07");
const ALL = [PC, XP, EP, RP];
const ALLOWED = ["DOM.RP", "DOM.EP", "DOM.XP"];

const by = (deliverBy?: string, shipBy?: string): OrderPromise => ({ deliverBy, shipBy });

const TABLE: [string, OrderPromise, readonly PriceQuote[], readonly string[], string, boolean][] = [
  ["no promise at all: the cheapest allowed", by(), ALL, ALLOWED, "DOM.RP", false],
  ["a promise every service meets: the cheapest", by("2026-12-14"), ALL, ALLOWED, "DOM.RP", false],
  ["the promise day itself is on time", by("2026-12-11"), ALL, ALLOWED, "DOM.RP", false],
  ["two services meet it: the cheaper of the two", by("2026-12-10"), ALL, ALLOWED, "DOM.EP", false],
  ["only one allowed service meets it", by("2026-12-09"), ALL, ALLOWED, "DOM.XP", false],
  ["only a service that is not allowed meets it: the fastest allowed, late", by("2026-12-07"), ALL, ALLOWED, "DOM.XP", true],
  ["none meets it, Priority allowed: Priority, still late", by("2026-12-04"), ALL, [...ALLOWED, "DOM.PC"], "DOM.PC", true],
  ["a shipping deadline still ahead: every service ships in time, the cheapest", by(undefined, "2026-12-04"), ALL, ALLOWED, "DOM.RP", false],
  ["a shipping deadline already passed: none on time, the fastest", by(undefined, "2026-12-02"), ALL, ALLOWED, "DOM.XP", true],
  ["delivery date wins over the shipping deadline", by("2026-12-09", "2026-12-04"), ALL, ALLOWED, "DOM.XP", false],
  ["only Expedited allowed", by("2026-12-14"), ALL, ["DOM.EP"], "DOM.EP", false],
  ["equal prices: the faster", by(), [quote("DOM.RP", 15, 6, "2026-12-11"), quote("DOM.EP", 15, 5, "2026-12-10")], ALLOWED, "DOM.EP", false],
];

describe("cheapest on time", () => {
  test.each(TABLE)("%s", (_, promise, quotes, allowed, expected, late) => {
    const choice = cheapestOnTime(quotes, allowed, promise, MAILING)!;
    expect(choice.serviceCode).toBe(expected);
    expect(choice.late).toBe(late);
    expect(choice.reason).toBe(late ? "fastest_late" : "cheapest_on_time");
    expect(choice.quote!.serviceCode).toBe(expected);
    expect(choice.note).toStartWith(`${expected}: `);
    expect(choice.note).toContain(`$${choice.quote!.due.toFixed(2)}`);
    if (late) expect(choice.note).toContain("no allowed service arrives in time");
  });

  test("no allowed service quoted: no choice (the caller uses the fallback)", () => {
    expect(cheapestOnTime([PC], ALLOWED, by(), MAILING)).toBeUndefined();
    expect(cheapestOnTime([], ALLOWED, by(), MAILING)).toBeUndefined();
  });
});

describe("Best Buy's promise, read from OR11", () => {
  test("delivery_date.latest and shipping_deadline as local days; missing or unreadable is no promise", () => {
    const p = orderPromise({ delivery_date: { earliest: "2026-12-05T05:00:00Z", latest: "2026-12-09T04:59:59Z" }, shipping_deadline: "2026-12-04T23:59:59Z" });
    expect(p.deliverBy).toBe(localDay(new Date("2026-12-09T04:59:59Z")));
    expect(p.shipBy).toBe(localDay(new Date("2026-12-04T23:59:59Z")));
    expect(orderPromise({})).toEqual({ deliverBy: undefined, shipBy: undefined });
    expect(orderPromise({ delivery_date: null, shipping_deadline: "soon" })).toEqual({ deliverBy: undefined, shipBy: undefined });
    expect(orderPromise(null)).toEqual({ deliverBy: undefined, shipBy: undefined });
  });
});
