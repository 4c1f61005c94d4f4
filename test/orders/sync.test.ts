import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { BestBuySettings } from "../../src/config/index.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { syncOrders, type SyncEvent } from "../../src/orders/index.ts";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import { sandboxClient } from "../bestbuy/support.ts";

const bestBuy = (autoAccept = false): { bestBuy: BestBuySettings } => ({
  bestBuy: { baseUrl: undefined, apiKey: SANDBOX_CREDENTIALS.bestBuyApiKey, shopId: undefined, carrierCode: "CPCL", autoAccept, timeoutMs: 5000 },
});

const MALFORMED_ID = "300000003-A";
const BAD_POSTAL_ID = "300000001-A";
const NO_STREET_ID = "300000002-A";

interface OrderRow extends Record<string, unknown> {
  order_id: string;
  status: string;
  bestbuy_state: string | null;
  customer_name: string | null;
  ship_street_1: string | null;
  ship_city: string | null;
  ship_province: string | null;
  ship_postal_code: string | null;
  ship_country: string | null;
  ship_phone: string | null;
  order_lines: Array<Record<string, unknown>>;
  raw: Record<string, unknown>;
  problems: Array<{ field: string; code: string; message: string }>;
  attention: string | null;
  shipped_at: Date | null;
}

// Test inspection of the tables (the program's own SQL lives in sql/orders/).
const orders = (db: TestDatabase) => db.db.query<OrderRow>("SELECT * FROM orders ORDER BY order_id");
const order = async (db: TestDatabase, id: string) => (await db.db.query<OrderRow>("SELECT * FROM orders WHERE order_id = $1", [id]))[0]!;
const versions = (db: TestDatabase) =>
  db.db.query<{ order_id: string; xmin: string; updated_at: Date }>("SELECT order_id, xmin::text AS xmin, updated_at FROM orders ORDER BY order_id");
const shippable = async (db: TestDatabase) =>
  (await db.db.query<{ order_id: string }>("SELECT order_id FROM orders WHERE status = 'accepted' AND problems = '[]'::jsonb ORDER BY order_id")).map((r) => r.order_id);
const giveLabel = (db: TestDatabase, id: string, status = "label_created") =>
  db.db.query("INSERT INTO shipments (order_id, status, customer_request_id, tracking_pin) VALUES ($1, $2, $1 || '-1', '70232100' || substr(md5($1), 1, 8))", [id, status]);

describe("orders sync", () => {
  let tdb: TestDatabase;
  let sandbox: RunningBestBuySandbox;
  const events: SyncEvent[] = [];
  const sync = (acceptWaiting?: boolean) =>
    syncOrders({ db: tdb.db, marketplace: sandboxClient(tdb.db, sandbox.url), settings: bestBuy(), acceptWaiting, onEvent: (e) => events.push(e) });

  beforeAll(async () => {
    tdb = await freshServerDatabase("orders_sync");
    sandbox = startBestBuySandbox({
      seed: 42,
      orders: 14,
      waitingOrders: 2,
      shippedOrders: 2,
      specialOrders: [
        { orderId: BAD_POSTAL_ID, address: { zip_code: "12345" } },
        { orderId: NO_STREET_ID, address: { street_1: null, street_2: "" } },
      ],
      rawOrders: [
        { order_id: MALFORMED_ID, order_state: "SHIPPING", customer: { shipping_address: { street_1: "12 Elm St", city: "Regina" } }, order_lines: [{ order_line_id: `${MALFORMED_ID}-1`, quantity: "two" }] },
        { order_state: "SHIPPING", customer: null, order_lines: [] },
      ],
    });
  });

  afterAll(async () => {
    await sandbox?.stop();
    await tdb?.drop();
  });

  test("imports exactly the orders Best Buy has in SHIPPING, as accepted, with the ship-to extracted", async () => {
    const summary = await sync();
    const expected = sandbox.state.orderIds("SHIPPING");
    expect(expected).toHaveLength(17);
    const rows = await orders(tdb);
    expect(rows.map((r) => r.order_id).sort()).toEqual([...expected].sort());
    expect(rows.every((r) => r.status === "accepted" && r.bestbuy_state === "SHIPPING")).toBe(true);
    expect(summary.imported).toBe(17);
    expect(summary.failure).toBeUndefined();

    const first = expected.find((id) => !id.startsWith("3000000"))!;
    const row = await order(tdb, first);
    const sent = sandbox.state.order(first)!;
    const address = sent.customer.shipping_address;
    expect(row.raw).toEqual(sent);
    expect(row.customer_name).toBe(`${address.firstname} ${address.lastname}`);
    expect(row.ship_street_1).toBe(address.street_1);
    expect(row.ship_postal_code).toBe(address.zip_code.replace(" ", ""));
    expect(row.ship_country).toBe("CA");
    expect(row.ship_province).toMatch(/^[A-Z]{2}$/);
    expect(row.ship_phone).toMatch(/^\d{10}$/);
    expect(row.order_lines[0]).toMatchObject({ sku: sent.order_lines[0].offer_sku, quantity: sent.order_lines[0].quantity, product_title: sent.order_lines[0].product_title });
    expect(row.problems).toEqual([]);
  });

  test("French names, accents and province names arrive intact and normalised", async () => {
    const rows = await orders(tdb);
    const quebec = rows.filter((r) => r.ship_province === "QC");
    expect(quebec.length).toBeGreaterThan(0);
    expect(quebec.some((r) => /[éèêîôûçÉ]/.test(`${r.customer_name} ${r.ship_street_1} ${r.ship_city}`))).toBe(true);
    const spelledOut = rows.filter((r) => (r.raw as any).customer?.shipping_address?.state?.length > 2);
    for (const r of spelledOut) expect(r.ship_province).toMatch(/^[A-Z]{2}$/);
  });

  test("a second sync changes no row", async () => {
    const before = await versions(tdb);
    const summary = await sync();
    expect(summary.imported).toBe(0);
    expect(summary.updated).toBe(0);
    expect(summary.unchanged).toBe(17);
    expect(await versions(tdb)).toEqual(before);
  });

  test("a bad postal code is stored with the problem in words and is not shippable", async () => {
    const row = await order(tdb, BAD_POSTAL_ID);
    expect(row.problems).toEqual([expect.objectContaining({ field: "postalCode", code: "bad_postal_code" })]);
    expect(row.problems[0]!.message).toContain('"12345"');
    expect(await shippable(tdb)).not.toContain(BAD_POSTAL_ID);
    const noStreet = await order(tdb, NO_STREET_ID);
    expect(noStreet.problems.map((p) => p.code)).toEqual(["missing_street"]);
    expect(await shippable(tdb)).not.toContain(NO_STREET_ID);
  });

  test("a malformed order is stored with its problem; one without an id is reported; the rest import", async () => {
    const row = await order(tdb, MALFORMED_ID);
    expect(row.status).toBe("accepted");
    const malformed = row.problems.find((p) => p.code === "malformed_order")!;
    expect(malformed.message).toContain("order_lines[0].quantity");
    expect(row.ship_street_1).toBe("12 Elm St");
    expect(await shippable(tdb)).not.toContain(MALFORMED_ID);
    const unnamed = events.find((e) => e.kind === "problem" && e.orderId === null);
    expect(unnamed?.message).toContain("without a usable order id");
    expect((await shippable(tdb)).length).toBe(14);
  });

  test("an order cancelled at Best Buy after its label was bought is flagged for a person", async () => {
    const [labelled, plain] = sandbox.state.orderIds("SHIPPING");
    await giveLabel(tdb, labelled!);
    sandbox.state.cancel(labelled!);
    sandbox.state.cancel(plain!);
    const summary = await sync();
    expect(summary.cancelled).toBe(2);
    expect(summary.flagged).toBe(1);
    const flagged = await order(tdb, labelled!);
    expect(flagged.status).toBe("cancelled");
    expect(flagged.attention).toContain(`shipdesk void ${labelled}`);
    const [shipment] = await tdb.db.query<{ attention: string }>("SELECT attention FROM shipments WHERE order_id = $1", [labelled!]);
    expect(shipment!.attention).toBe(flagged.attention!);
    const quiet = await order(tdb, plain!);
    expect(quiet.status).toBe("cancelled");
    expect(quiet.attention).toBeNull();
    expect(await shippable(tdb)).not.toContain(plain!);

    const before = await versions(tdb);
    const again = await sync();
    expect(again.cancelled).toBe(0);
    expect(again.flagged).toBe(0);
    expect(await versions(tdb)).toEqual(before);
  });

  test("refused at Best Buy is refused here; shipped here is never downgraded", async () => {
    const [refused, shippedHere] = sandbox.state.orderIds("SHIPPING");
    sandbox.state.setState(refused!, "REFUSED");
    await tdb.db.query("UPDATE orders SET status = 'shipped' WHERE order_id = $1", [shippedHere!]);
    await sync();
    expect((await order(tdb, refused!)).status).toBe("refused");
    // Still SHIPPING at Best Buy, shipped here: stays shipped.
    expect((await order(tdb, shippedHere!)).status).toBe("shipped");
    sandbox.state.cancel(shippedHere!);
    await sync();
    expect((await order(tdb, shippedHere!)).status).toBe("shipped");
  });

  test("an order shipped at Best Buy without a label from shipdesk is marked shipped and never gets one", async () => {
    const [elsewhere, withLabel] = sandbox.state.orderIds("SHIPPING");
    await giveLabel(tdb, withLabel!, "label_created");
    sandbox.state.setTracking(elsewhere!, { carrier_code: "PRLA", tracking_number: "329011112222" });
    sandbox.state.ship(elsewhere!);
    sandbox.state.setTracking(withLabel!, { carrier_code: "CPCL", tracking_number: "7023210039414666" });
    sandbox.state.ship(withLabel!);
    const summary = await sync();
    expect(summary.shippedElsewhere).toBe(1);
    const row = await order(tdb, elsewhere!);
    expect(row.status).toBe("shipped");
    expect(row.shipped_at).not.toBeNull();
    // With a label of ours the tracking workflow owns the order: only Best Buy's state is noted.
    const labelled = await order(tdb, withLabel!);
    expect(labelled.status).toBe("accepted");
    expect(labelled.bestbuy_state).toBe("SHIPPED");
  });

  test("when Best Buy cannot be reached the sync says so and changes nothing", async () => {
    const before = await versions(tdb);
    sandbox.faults.inject("ListOrders", { kind: "status", status: 503 }, 4);
    const summary = await sync();
    expect(summary.failure?.status).toBe(503);
    expect(summary.problems[0]!.message).toContain("Best Buy failed when asked to list orders (503)");
    expect(await versions(tdb)).toEqual(before);
  });
});

describe("auto-accept", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshServerDatabase("orders_accept");
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  test("waiting orders are accepted and imported by the same sync once payment is immediate", async () => {
    const sandbox = startBestBuySandbox({ seed: 5, orders: 2, waitingOrders: 3 });
    try {
      const waiting = sandbox.state.orderIds("WAITING_ACCEPTANCE");
      const summary = await syncOrders({ db: tdb.db, marketplace: sandboxClient(tdb.db, sandbox.url), settings: bestBuy(true) });
      expect(summary.accepted).toBe(3);
      expect(summary.imported).toBe(5);
      for (const id of waiting) {
        expect(sandbox.state.acceptCalls(id).map((c) => c.status)).toEqual([204]);
        const row = await order(tdb, id);
        expect(row.status).toBe("accepted");
        expect(row.problems).toEqual([]);
        expect(row.ship_street_1).toBeTruthy();
      }
    } finally {
      await sandbox.stop();
    }
  });

  test("with a slow debit they are picked up by a later sync; without auto-accept none is accepted", async () => {
    const sandbox = startBestBuySandbox({ seed: 6, orders: 0, waitingOrders: 2, debitDelayMs: 300 });
    try {
      const client = sandboxClient(tdb.db, sandbox.url);
      const off = await syncOrders({ db: tdb.db, marketplace: client, settings: bestBuy(false) });
      expect(off.accepted).toBe(0);
      const first = await syncOrders({ db: tdb.db, marketplace: client, settings: bestBuy(false), acceptWaiting: true });
      expect(first.accepted).toBe(2);
      expect(first.imported).toBe(0);
      await Bun.sleep(350);
      const second = await syncOrders({ db: tdb.db, marketplace: client, settings: bestBuy(false) });
      expect(second.imported).toBe(2);
    } finally {
      await sandbox.stop();
    }
  });
});
