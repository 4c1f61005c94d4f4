// The print page's Needs attention: the deadline board (earliest first, time left, what stands
// out), Best Buy's late shipment rate with the orders that made it, and service forms that show
// each service's price and date and ask once before a service that misses the promise.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createPrintApp, type PrintApp } from "../../src/server/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import insertPromisedOrderSql from "./insert_promised_order.sql" with { type: "text" };
import insertQuotedShipmentSql from "./insert_quoted_shipment.sql" with { type: "text" };
import serviceOfSql from "./service_of.sql" with { type: "text" };
import { useTimeZone } from "../support/time-zone.ts";

// 10:00 in Halifax (UTC-4 in December).
const NOW = new Date("2026-12-03T14:00:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();
const quote = (serviceCode: string, serviceName: string, due: number, expectedDeliveryDate: string) => ({ serviceCode, serviceName, base: due, taxes: 0, due, transitDays: undefined, expectedDeliveryDate, guaranteed: false });
const QUOTES = JSON.stringify({
  mailingDay: "2026-12-03",
  quotes: [quote("DOM.RP", "Regular Parcel", 18.88, "2026-12-11"), quote("DOM.EP", "Expedited Parcel", 24.5, "2026-12-10"), quote("DOM.XP", "Xpresspost", 31.49, "2026-12-09")],
});
const promise = (shipBy: string, deliverBy?: string) => JSON.stringify({ shipping_deadline: shipBy, ...(deliverBy ? { delivery_date: { earliest: null, latest: `${deliverBy}T23:59:00` } } : {}) });

let t: TestDatabase;
let dir: ReturnType<typeof tempDir>;
let app: PrintApp;
const bought: { refused: string[]; voided: string[]; service: string | undefined }[] = [];
useTimeZone("America/Halifax");

beforeAll(async () => {
  t = await freshServerDatabase("deadlines_page");
  dir = tempDir("deadlines-page");
  const order = (id: string, raw: string, status = "accepted", shippedAt: string | null = null) => t.db.query(insertPromisedOrderSql, [id, status, raw, shippedAt]);
  await order("D-LATER", promise(hours(50)));
  await order("D-OVERDUE", promise(hours(-1)));
  await order("D-REFUSED", promise(hours(3), "2026-12-09"));
  await t.db.query(insertQuotedShipmentSql, ["D-REFUSED", "label_failed", "Canada Post refused the label: no. (9999).", QUOTES, null]);
  // Shipped in the last 30 days: one after its deadline, one before.
  await order("D-SHIPPED-LATE", promise(hours(-30)), "shipped");
  await t.db.query(insertQuotedShipmentSql, ["D-SHIPPED-LATE", "tracking_updated", null, null, hours(-27)]);
  await order("D-SHIPPED-OK", promise(hours(-30)), "shipped");
  await t.db.query(insertQuotedShipmentSql, ["D-SHIPPED-OK", "tracking_updated", null, null, hours(-40)]);
  app = createPrintApp({
    db: t.db,
    labelsDir: dir.path,
    refetchLabel: async () => ({ ok: false, message: "not in this test" }),
    buyAgain: async (selection) => {
      bought.push(selection);
      return { refusals: [] };
    },
    now: () => NOW,
    mode: "sandbox",
  });
});
afterAll(async () => {
  await t.drop();
  dir.remove();
});

function post(path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ _token: app.token });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return app.request(path, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" } });
}

const serviceOf = async (id: string) => (await t.db.query<{ service_override: string | null }>(serviceOfSql, [id]))[0]!.service_override;

describe("Needs attention", () => {
  test("the open orders earliest deadline first, with the time left; overdue, due today and refused ones stand out", async () => {
    const html = await (await app.request("/status")).text();
    const rows = [...html.matchAll(/<tr class="([^"]*)" data-order="([^"]+)" data-urgency="(\w+)"/g)].map((m) => [m[2], m[3], m[1]]);
    expect(rows).toEqual([
      ["D-OVERDUE", "overdue", "stands-out overdue"],
      ["D-REFUSED", "today", "stands-out today blocked"],
      ["D-LATER", "later", "later"],
    ]);
    expect(html).toContain("ships by today 09:00 — overdue by 1 h");
    expect(html).toContain("ships by today 13:00 — 3 h");
    expect(html).toContain("ships by Sat 2026-12-05 12:00 — 2 d 2 h");
    // The card of the refused label says its time left too.
    expect(html).toMatch(/data-orders="D-REFUSED"[^]*?ships by today 13:00 — 3 h/);
  });

  test("Best Buy's late shipment rate of the last 30 days, and the order that made it", async () => {
    const html = await (await app.request("/status")).text();
    expect(html).toContain("Late shipments, last 30 days: 1 of 2 orders shipped (50.0%), as Best Buy counts them: shipped after the shipping deadline.");
    expect(html).toContain('<li data-late-order="D-SHIPPED-LATE">D-SHIPPED-LATE: due 2026-12-02 04:00, shipped 2026-12-02 07:00 (3 h late)</li>');
  });

  test("the service form lists each service with its price and date from the quotes kept, LATE when after the promise", async () => {
    const html = await (await app.request("/status")).text();
    expect(html).toContain('<option value="DOM.RP" data-late="1">DOM.RP Regular Parcel — $18.88, arrives 2026-12-11 — LATE: after delivery by 2026-12-09</option>');
    expect(html).toContain('<option value="DOM.XP">DOM.XP Xpresspost — $31.49, arrives 2026-12-09</option>');
    expect(html).toContain('<option value="DOM.PC">DOM.PC Priority — no quote</option>');
  });

  test("a late service is asked about once: nothing changes until the clerk says anyway; an on-time one is saved at once", async () => {
    const asked = (await (await post("/orders/service", { order: "D-REFUSED", service: "DOM.RP" })).text()).replaceAll("&#39;", "'");
    expect(asked).toContain("DOM.RP arrives after Best Buy's promise");
    expect(asked).toContain("Order D-REFUSED: DOM.RP (Regular Parcel) arrives 2026-12-11, after Best Buy's promise (delivery by 2026-12-09): the order would reach the customer late.");
    expect(asked).toContain('<input type="hidden" name="late_ok" value="1"/>');
    expect(asked).toContain("Save DOM.RP anyway");
    expect(await serviceOf("D-REFUSED")).toBeNull();

    const anyway = await (await post("/orders/service", { order: "D-REFUSED", service: "DOM.RP", late_ok: "1" })).text();
    expect(anyway).toContain("Order D-REFUSED will ship DOM.RP (Regular Parcel)");
    expect(await serviceOf("D-REFUSED")).toBe("DOM.RP");

    await post("/orders/service", { order: "D-REFUSED", service: "DOM.XP" });
    expect(await serviceOf("D-REFUSED")).toBe("DOM.XP");
  });

  test("buying again with a late service asks first; bought only after the clerk's yes", async () => {
    const asked = await (await post("/orders/again", { order: "D-REFUSED", service: "DOM.EP" })).text();
    expect(asked).toContain("Buy with DOM.EP anyway");
    expect(bought).toEqual([]);
    await post("/orders/again", { order: "D-REFUSED", service: "DOM.EP", late_ok: "1" });
    expect(bought).toEqual([{ refused: ["D-REFUSED"], voided: [], service: "DOM.EP" }]);
  });
});
