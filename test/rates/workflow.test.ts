// The service each order is bought with, end to end over HTTP against the sandbox: Get Rates,
// the rule, the clerk's and the SKU's overrides, Canada Post down, and the prices kept.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { runShipping, type ShippingEvent } from "../../src/shipping/index.ts";
import { localDay } from "../../src/common/calendar.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { carrierFor, sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import setPromiseSql from "./set_promise.sql" with { type: "text" };
import setOrderServiceSql from "./set_order_service.sql" with { type: "text" };
import setSkuServiceSql from "./set_sku_service.sql" with { type: "text" };
import pricesSql from "./prices.sql" with { type: "text" };

let cp: RunningCanadaPostSandbox;
let t: TestDatabase;
const labels = tempDir("rates-workflow");
beforeAll(() => {
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
  labels.remove();
});

async function fresh(label: string) {
  await t?.drop();
  t = await freshServerDatabase(`rates_${label}`);
  cp.state.reset();
  cp.faults.clear();
}

interface PriceRow {
  order_id: string;
  service_code: string;
  service_reason: string;
  service_note: string;
  quoted_due: number | null;
  quoted_taxes: number | null;
  charged_due: number | null;
  charged_taxes: number | null;
  expected_delivery: string | null;
  quotes: unknown;
}
const prices = async () => new Map((await t.db.query<PriceRow & Record<string, unknown>>(pricesSql)).map((r) => [r.order_id, r]));

// Vancouver, far from the sandbox sender in Ottawa (K1A 0B1): the services differ in days.
const vancouver = (orderId: string, sku = "SKU-V") =>
  testOrder(3, { order_id: orderId, ship_postal_code: "V6E 4R2", order_lines: [{ offer_sku: sku, quantity: 1, product_title: "Cable" }] });

/** The sandbox's own quotes for the Vancouver parcel today, to set promises between them. */
async function quotesToday() {
  const settings = sandboxSettings(labels.path);
  const o = await carrierFor(t.db, settings, cp.url).getRates({
    orderId: "probe",
    originPostalCode: "K1A0B1",
    destinationPostalCode: "V6E4R2",
    weightKg: settings.parcel.weightKg,
    dimensionsCm: { length: settings.parcel.lengthCm, width: settings.parcel.widthCm, height: settings.parcel.heightCm },
    mailingDate: localDay(new Date()),
  });
  if (o.kind !== "ok") throw new Error(JSON.stringify(o));
  return new Map(o.value.map((q) => [q.serviceCode, q]));
}

describe('canadapost.service = "cheapest_on_time" (the default)', () => {
  beforeEach(async () => {
    await fresh("rule");
  });

  test("each order gets the cheapest allowed service that keeps Best Buy's promise, or the fastest, said so", async () => {
    const q = await quotesToday();
    expect(q.get("DOM.RP")!.due).toBeLessThan(q.get("DOM.EP")!.due);
    expect(q.get("DOM.XP")!.expectedDeliveryDate! < q.get("DOM.EP")!.expectedDeliveryDate!).toBe(true);
    await insertOrders(t.db, [vancouver("NO-PROMISE"), vancouver("ROOMY"), vancouver("TIGHT"), vancouver("IMPOSSIBLE")]);
    const latest = (day: string) => JSON.stringify({ delivery_date: { earliest: null, latest: `${day}T23:59:00` } });
    await t.db.query(setPromiseSql, ["ROOMY", latest(q.get("DOM.RP")!.expectedDeliveryDate!)]);
    await t.db.query(setPromiseSql, ["TIGHT", latest(q.get("DOM.XP")!.expectedDeliveryDate!)]);
    await t.db.query(setPromiseSql, ["IMPOSSIBLE", latest(localDay(new Date()))]);
    const events: ShippingEvent[] = [];
    const summary = await runShipping(shippingDeps(t.db, sandboxSettings(labels.path), cp.url, events));
    expect(summary.created.sort()).toEqual(["IMPOSSIBLE", "NO-PROMISE", "ROOMY", "TIGHT"]);

    const rows = await prices();
    expect(rows.get("NO-PROMISE")!.service_code).toBe("DOM.RP");
    expect(rows.get("ROOMY")!.service_code).toBe("DOM.RP");
    expect(rows.get("TIGHT")!.service_code).toBe("DOM.XP");
    expect(rows.get("IMPOSSIBLE")!.service_code).toBe("DOM.XP"); // DOM.PC is faster, but not allowed by default
    expect(rows.get("IMPOSSIBLE")!.service_reason).toBe("fastest_late");
    expect(rows.get("IMPOSSIBLE")!.service_note).toContain("no allowed service arrives in time");
    // What was bought is what the rule chose, and the label cost what it was quoted.
    for (const [orderId, row] of rows) {
      expect(cp.state.labelsFor(orderId)[0]!.serviceCode).toBe(row.service_code);
      expect(row.quoted_due).toBe(q.get(row.service_code)!.due);
      expect(row.charged_due).toBe(row.quoted_due);
      expect(row.charged_taxes).toBe(row.quoted_taxes);
      expect(row.expected_delivery).toBe(q.get(row.service_code)!.expectedDeliveryDate!);
    }
    const priced = events.filter((e) => e.type === "priced");
    expect(priced).toHaveLength(4);
    expect(cp.state.callsTo("GetRates")).toBe(5); // the probe, and one per order
  });

  test("the clerk's service and a SKU's preset win over the rule, and are priced too", async () => {
    await insertOrders(t.db, [vancouver("CLERK"), vancouver("PRESET", "SKU-FAST"), vancouver("RULE")]);
    await t.db.query(setOrderServiceSql, ["CLERK", "DOM.EP"]);
    await t.db.query(setSkuServiceSql, ["SKU-FAST", "DOM.PC"]);
    await runShipping(shippingDeps(t.db, sandboxSettings(labels.path), cp.url));
    const rows = await prices();
    expect([rows.get("CLERK")!.service_code, rows.get("CLERK")!.service_reason]).toEqual(["DOM.EP", "clerk"]);
    expect([rows.get("PRESET")!.service_code, rows.get("PRESET")!.service_reason]).toEqual(["DOM.PC", "sku"]);
    expect([rows.get("RULE")!.service_code, rows.get("RULE")!.service_reason]).toEqual(["DOM.RP", "cheapest_on_time"]);
    for (const row of rows.values()) expect(row.quoted_due).toBe(row.charged_due);
  });

  test("a service the clerk chose that arrives after Best Buy's promise is bought as chosen but said late; every service quoted is kept with the label", async () => {
    const q = await quotesToday();
    await insertOrders(t.db, [vancouver("CLERK-LATE"), vancouver("CLERK-ON-TIME")]);
    const latest = JSON.stringify({ delivery_date: { earliest: null, latest: `${q.get("DOM.XP")!.expectedDeliveryDate!}T23:59:00` } });
    for (const id of ["CLERK-LATE", "CLERK-ON-TIME"]) await t.db.query(setPromiseSql, [id, latest]);
    await t.db.query(setOrderServiceSql, ["CLERK-LATE", "DOM.RP"]);
    await t.db.query(setOrderServiceSql, ["CLERK-ON-TIME", "DOM.XP"]);
    const events: ShippingEvent[] = [];
    await runShipping(shippingDeps(t.db, sandboxSettings(labels.path), cp.url, events));
    const priced = new Map(events.flatMap((e) => (e.type === "priced" ? [[e.orderId, e.choice] as const] : [])));
    expect(priced.get("CLERK-LATE")).toMatchObject({ serviceCode: "DOM.RP", reason: "clerk", late: true });
    expect(priced.get("CLERK-LATE")!.note).toBe(`DOM.RP: the clerk's choice, $${q.get("DOM.RP")!.due.toFixed(2)}, arrives ${q.get("DOM.RP")!.expectedDeliveryDate}, after Best Buy's promise (delivery by ${q.get("DOM.XP")!.expectedDeliveryDate})`);
    expect(priced.get("CLERK-ON-TIME")).toMatchObject({ serviceCode: "DOM.XP", late: false });
    // One Get Rates per order answered for every service a clerk may pick.
    expect(priced.get("CLERK-LATE")!.quotes.map((x) => x.serviceCode).sort()).toEqual(["DOM.EP", "DOM.PC", "DOM.RP", "DOM.XP"]);
    const rows = await prices();
    expect(rows.get("CLERK-LATE")!.service_code).toBe("DOM.RP");
    const kept = rows.get("CLERK-LATE")!.quotes as { mailingDay: string; quotes: { serviceCode: string; due: number }[] };
    expect(kept.mailingDay).toBe(localDay(new Date()));
    expect(kept.quotes.find((x) => x.serviceCode === "DOM.XP")!.due).toBe(q.get("DOM.XP")!.due);
  });

  test("rates cannot be had (Canada Post failing, throttled): every label is still bought, with the fallback service, and the log says so", async () => {
    await insertOrders(t.db, [vancouver("DOWN-1"), vancouver("DOWN-2"), vancouver("DOWN-3")]);
    cp.faults.inject("GetRates", { kind: "status", status: 500 }, 2);
    cp.faults.inject("GetRates", { kind: "throttle", retryAfterSeconds: 30 }, 1);
    const events: ShippingEvent[] = [];
    const summary = await runShipping(shippingDeps(t.db, sandboxSettings(labels.path, { concurrency: 1 }), cp.url, events));
    expect(summary.created.sort()).toEqual(["DOWN-1", "DOWN-2", "DOWN-3"]);
    const rows = await prices();
    for (const id of ["DOWN-1", "DOWN-2", "DOWN-3"]) {
      const row = rows.get(id)!;
      expect([row.service_code, row.service_reason, row.quoted_due]).toEqual(["DOM.EP", "fallback", null]);
      expect(row.service_note).toContain("bought with the fallback service");
      expect(row.charged_due).toBeGreaterThan(0); // what Canada Post charged is still known
    }
    const notes = events.flatMap((e) => (e.type === "priced" ? [e.choice.note] : []));
    expect(notes.filter((n) => n.includes("no rates from Canada Post"))).toHaveLength(3);
  });
});

describe("a fixed service", () => {
  test('canadapost.service = "DOM.XP": every order gets it, priced', async () => {
    await fresh("fixed");
    await insertOrders(t.db, [vancouver("FIXED-1"), vancouver("FIXED-2")]);
    const settings = sandboxSettings(labels.path);
    const fixed = { ...settings, canadaPost: { ...settings.canadaPost, serviceRule: "fixed" as const, serviceCode: "DOM.XP" } };
    await runShipping(shippingDeps(t.db, fixed, cp.url));
    for (const row of (await prices()).values()) {
      expect([row.service_code, row.service_reason]).toEqual(["DOM.XP", "fixed"]);
      expect(row.quoted_due).toBe(row.charged_due);
    }
    await t.drop();
  });
});
