import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import type { BestBuyClient, BestBuyOutcome } from "../../src/bestbuy/index.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import { sandboxClient } from "./support.ts";

let tdb: TestDatabase;
let sandbox: RunningBestBuySandbox;
let client: BestBuyClient;

interface CallRow extends Record<string, unknown> {
  endpoint: string;
  related_id: string | null;
  method: string;
  url: string;
  request_payload: unknown;
  status_code: number | null;
  is_success: boolean;
  attempt: number;
}

/** Test-only reads of the audit log (program SQL lives in sql/; this is inspection). */
const calls = (endpoint?: string) =>
  tdb.db.query<CallRow>(
    "SELECT endpoint, related_id, method, url, request_payload, status_code, is_success, attempt FROM api_calls WHERE $1::text IS NULL OR endpoint = $1 ORDER BY call_id",
    [endpoint ?? null],
  );

function value<T>(outcome: BestBuyOutcome<T>): T {
  if (outcome.kind !== "ok") throw new Error(`expected ok, got ${outcome.kind}: ${outcome.error.message}`);
  return outcome.value;
}

beforeAll(async () => {
  tdb = await freshServerDatabase("bestbuy_client");
  sandbox = startBestBuySandbox({ seed: 7, orders: 23, waitingOrders: 4, shippedOrders: 2 });
  client = sandboxClient(tdb.db, sandbox.url, { pageSize: 10 });
});

afterAll(async () => {
  await sandbox?.stop();
  await tdb?.drop();
});

beforeEach(async () => {
  sandbox.faults.clear();
  await tdb.db.query("DELETE FROM api_calls");
});

describe("OR11 list orders", () => {
  test("reads every page until total_count and asks Best Buy for the state wanted", async () => {
    const list = value(await client.listOrders({ states: ["SHIPPING"] }));
    expect(list.orders.map((o) => o.order_id)).toEqual(sandbox.state.orderIds("SHIPPING"));
    expect(list.orders).toHaveLength(23);
    expect(list.malformed).toEqual([]);
    const rows = await calls("ListOrders");
    expect(rows.map((r) => new URL(r.url).searchParams.get("offset"))).toEqual(["0", "10", "20"]);
    expect(rows.every((r) => new URL(r.url).searchParams.get("order_state_codes") === "SHIPPING")).toBe(true);
    expect(rows.every((r) => r.is_success && r.status_code === 200 && r.method === "GET")).toBe(true);
  });

  test("filters by order ids and names the order in the audit row when there is one", async () => {
    const [id] = sandbox.state.orderIds("SHIPPED");
    const order = value(await client.getOrder(id!));
    expect(order?.order_state).toBe("SHIPPED");
    expect(value(await client.getOrder("999999999-A"))).toBeUndefined();
    const rows = await calls("ListOrders");
    expect(rows[0]!.related_id).toBe(id!);
    expect(new URL(rows[0]!.url).searchParams.get("order_ids")).toBe(id!);
  });

  test("a 429 is waited out for as long as Retry-After says, then the list is read", async () => {
    sandbox.faults.inject("ListOrders", { kind: "throttle", retryAfterSeconds: 1 });
    const started = performance.now();
    const list = value(await client.listOrders({ states: ["WAITING_ACCEPTANCE"] }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(list.orders).toHaveLength(4);
    expect((await calls("ListOrders")).map((r) => [r.status_code, r.attempt])).toEqual([[429, 1], [200, 2]]);
  });

  test("a 5xx or a dropped connection is tried again; a read that keeps failing is unavailable", async () => {
    sandbox.faults.inject("ListOrders", { kind: "status", status: 503 }).inject("ListOrders", { kind: "reset" });
    expect(value(await client.listOrders({ states: ["SHIPPED"] })).orders).toHaveLength(2);
    const rows = await calls("ListOrders");
    expect(rows.map((r) => r.status_code)).toEqual([503, null, 200]);

    sandbox.faults.inject("ListOrders", { kind: "status", status: 500 }, 4);
    const failed = await client.listOrders({ states: ["SHIPPED"] });
    expect(failed.kind).toBe("unavailable");
    if (failed.kind === "ok") return;
    expect(failed.error.status).toBe(500);
    expect(failed.error.message).toContain("Best Buy failed when asked to list orders (500)");
  });

  test("a reply that is not a list of orders is unavailable, not a crash", async () => {
    sandbox.faults.inject("ListOrders", { kind: "malformed" });
    const outcome = await client.listOrders({ states: ["SHIPPED"] });
    expect(outcome.kind).toBe("unavailable");
    if (outcome.kind !== "ok") expect(outcome.error.code).toBe("MALFORMED_REPLY");
  });

  test("a wrong API key is rejected with a sentence naming the setting", async () => {
    const wrong = sandboxClient(tdb.db, sandbox.url, { apiKey: "not-the-key" });
    const outcome = await wrong.listOrders({ states: ["SHIPPING"] });
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind === "ok") return;
    expect(outcome.error.status).toBe(401);
    expect(outcome.error.code).toBe("UNAUTHORIZED");
    expect(outcome.error.message).toContain("bestbuy.api_key");
  });

  test("no answer at all is unavailable", async () => {
    const nowhere = sandboxClient(tdb.db, "http://127.0.0.1:9", { attempts: 2 });
    const outcome = await nowhere.listOrders({ states: ["SHIPPING"] });
    expect(outcome.kind).toBe("unavailable");
    if (outcome.kind !== "ok") expect(outcome.error.code).toBe("NO_ANSWER");
  });
});

describe("OR21 accept", () => {
  test("accepts every line; a second accept reads the order back and is still ok", async () => {
    const [id] = sandbox.state.orderIds("WAITING_ACCEPTANCE");
    const order = value(await client.getOrder(id!))!;
    expect(order.customer?.shipping_address).toBeNull();
    const lineIds = order.order_lines.map((l) => l.order_line_id);
    expect(value(await client.acceptOrder(id!, lineIds))).toEqual({ confirmedBy: "reply", state: undefined });
    expect(sandbox.state.order(id!)!.order_state).toBe("SHIPPING");
    expect(sandbox.state.order(id!)!.customer.shipping_address.street_1).toBeTruthy();

    const again = value(await client.acceptOrder(id!, lineIds));
    expect(again).toEqual({ confirmedBy: "read-back", state: "SHIPPING" });
    const accepts = await calls("AcceptOrder");
    expect(accepts.map((r) => r.status_code)).toEqual([204, 400]);
    expect(accepts[0]!.related_id).toBe(id!);
    expect(accepts[0]!.request_payload).toEqual({ order_lines: lineIds.map((l) => ({ accepted: true, id: l })) });
  });

  test("an order cancelled at Best Buy cannot be accepted: rejected, with its state", async () => {
    const [, id] = sandbox.state.orderIds("WAITING_ACCEPTANCE");
    const lines = sandbox.state.order(id!)!.order_lines.map((l: { order_line_id: string }) => l.order_line_id);
    sandbox.state.cancel(id!);
    const outcome = await client.acceptOrder(id!, lines);
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind !== "ok") expect(outcome.error.orderState).toBe("CANCELED");
  });

  test("an accept whose reply was lost is confirmed by reading the order back", async () => {
    const [id] = sandbox.state.orderIds("WAITING_ACCEPTANCE");
    const lines = sandbox.state.order(id!)!.order_lines.map((l: { order_line_id: string }) => l.order_line_id);
    sandbox.faults.inject("AcceptOrder", { kind: "lose-reply" });
    expect(value(await client.acceptOrder(id!, lines))).toEqual({ confirmedBy: "read-back", state: "SHIPPING" });
    expect(sandbox.state.acceptCalls(id!)).toHaveLength(1);
  });
});

describe("OR23 tracking", () => {
  test("sends the carrier code and tracking number; the sandbox records them", async () => {
    const id = sandbox.state.orderIds("SHIPPING")[0]!;
    expect(value(await client.updateTracking(id, "7023210039414604")).confirmedBy).toBe("reply");
    expect(sandbox.state.trackingCalls(id).map((t) => [t.carrierCode, t.trackingNumber, t.status])).toEqual([["CPCL", "7023210039414604", 204]]);
    const [row] = await calls("UpdateTracking");
    expect(row!.request_payload).toEqual({ carrier_code: "CPCL", tracking_number: "7023210039414604" });
    expect(row!.method).toBe("PUT");
    expect(row!.related_id).toBe(id);
  });

  test("an overwrite, so a 5xx is simply tried again", async () => {
    const id = sandbox.state.orderIds("SHIPPING")[1]!;
    sandbox.faults.inject("UpdateTracking", { kind: "status", status: 502 });
    expect((await client.updateTracking(id, "7023210039414611")).kind).toBe("ok");
    expect((await calls("UpdateTracking")).map((r) => r.status_code)).toEqual([502, 204]);
    expect(sandbox.state.order(id)!.shipping_tracking).toBe("7023210039414611");
  });

  test("a 400 on an order that already carries the number is ok; on another state it is rejected", async () => {
    const strict = startBestBuySandbox({ seed: 3, orders: 1, strictTracking: true, waitingOrders: 1 });
    try {
      const c = sandboxClient(tdb.db, strict.url);
      const [id] = strict.state.orderIds("SHIPPING");
      value(await c.updateTracking(id!, "7023210039414628"));
      value(await c.shipOrder(id!));
      expect(value(await c.updateTracking(id!, "7023210039414628"))).toEqual({ confirmedBy: "read-back", state: "SHIPPED" });
      const other = await c.updateTracking(id!, "7023210039414635");
      expect(other.kind).toBe("rejected");
      const [waiting] = strict.state.orderIds("WAITING_ACCEPTANCE");
      const early = await c.updateTracking(waiting!, "7023210039414642");
      expect(early.kind).toBe("rejected");
      if (early.kind !== "ok") expect(early.error.orderState).toBe("WAITING_ACCEPTANCE");
    } finally {
      await strict.stop();
    }
  });
});

describe("OR24 ship", () => {
  test("ships; a repeated ship gets a 400 and the read-back shows SHIPPED: ok", async () => {
    const id = sandbox.state.orderIds("SHIPPING")[2]!;
    expect(value(await client.shipOrder(id))).toEqual({ confirmedBy: "reply", state: undefined });
    expect(value(await client.shipOrder(id))).toEqual({ confirmedBy: "read-back", state: "SHIPPED" });
    expect(sandbox.state.shipCalls(id).map((c) => c.status)).toEqual([204, 400]);
    const rows = await calls();
    expect(rows.map((r) => [r.endpoint, r.status_code])).toEqual([
      ["ShipOrder", 204],
      ["ShipOrder", 400],
      ["ListOrders", 200],
    ]);
    expect(rows.every((r) => r.related_id === id)).toBe(true);
  });

  test("a ship whose reply was lost is reported as done once the order reads back SHIPPED", async () => {
    const id = sandbox.state.orderIds("SHIPPING")[3]!;
    sandbox.faults.inject("ShipOrder", { kind: "lose-reply" });
    expect(value(await client.shipOrder(id))).toEqual({ confirmedBy: "read-back", state: "SHIPPED" });
    expect(sandbox.state.shipCalls(id)).toHaveLength(1);
    expect((await calls("ShipOrder"))[0]!.status_code).toBeNull();
  });

  test("a 5xx that did nothing: the read-back shows SHIPPING, so it is sent once more", async () => {
    const id = sandbox.state.orderIds("SHIPPING")[4]!;
    sandbox.faults.inject("ShipOrder", { kind: "status", status: 500 });
    expect(value(await client.shipOrder(id))).toEqual({ confirmedBy: "reply", state: undefined });
    expect(sandbox.state.shipCalls(id).map((c) => c.status)).toEqual([204]);
    expect((await calls()).map((r) => [r.endpoint, r.status_code])).toEqual([
      ["ShipOrder", 500],
      ["ListOrders", 200],
      ["ShipOrder", 204],
    ]);
  });

  test("a 400 on an order that is not SHIPPING is rejected with Mirakl's message and the state", async () => {
    const id = sandbox.state.orderIds("WAITING_ACCEPTANCE").at(-1)!;
    const outcome = await client.shipOrder(id);
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind === "ok") return;
    expect(outcome.error.status).toBe(400);
    expect(outcome.error.orderState).toBe("WAITING_ACCEPTANCE");
    expect(outcome.error.messages[0]).toContain("not SHIPPING");
    expect(outcome.error.message).toContain(`mark order ${id} shipped`);
  });

  test("when neither the ship nor the read-back is answered, the outcome is unknown", async () => {
    const id = sandbox.state.orderIds("SHIPPING")[5]!;
    sandbox.faults.inject("ShipOrder", { kind: "reset" }).inject("ListOrders", { kind: "status", status: 503 }, 4);
    const outcome = await client.shipOrder(id);
    expect(outcome.kind).toBe("unknown");
  });
});

describe("SH21 carriers", () => {
  test("lists the carriers Best Buy knows, Canada Post as CPCL", async () => {
    const carriers = value(await client.listCarriers());
    expect(carriers.find((c) => c.code === "CPCL")?.label).toBe("Canada Post");
  });
});

test("the API key is in no column of any audit row", async () => {
  await client.listOrders({ states: ["SHIPPING"] });
  await client.updateTracking(sandbox.state.orderIds("SHIPPING")[6]!, "7023210039414659");
  await client.shipOrder(sandbox.state.orderIds("SHIPPING")[6]!);
  await client.listCarriers();
  const rows = await tdb.db.query("SELECT * FROM api_calls");
  expect(rows.length).toBeGreaterThan(4);
  const everything = JSON.stringify(rows);
  expect(everything).not.toContain(SANDBOX_CREDENTIALS.bestBuyApiKey);
  expect(rows.every((r) => r.service === "BestBuy")).toBe(true);
});
