import { expect, test } from "bun:test";
import { pushTracking, type TrackingEvent } from "../../src/tracking/index.ts";
import { callsFor, pinFor, runSettings, shipStatuses, stateOf, trackingClient, trackingStatuses, trackingTests } from "./support.ts";

const t = trackingTests("tracking_push");

const deps = (url: string, run: Parameters<typeof runSettings>[0] = {}) => ({
  db: t.db,
  marketplace: trackingClient(t.db, url),
  settings: runSettings(run),
});

test("every label is sent to Best Buy once, and the order is marked shipped here and there", async () => {
  const s = await t.scene({ orders: 4 });
  const sandbox = s.sandbox;
  const events: TrackingEvent[] = [];
  const summary = await pushTracking({ ...deps(sandbox.url, { concurrency: 2 }), onEvent: (e) => events.push(e) });

  expect(summary.updated.sort()).toEqual([...s.orderIds].sort());
  expect(summary.failed).toEqual([]);
  expect(summary.unavailable).toBe(false);
  for (const [i, id] of s.orderIds.entries()) {
    const row = await stateOf(t.db, id);
    expect(row.status).toBe("tracking_updated");
    expect(row.tracking_updated_at).not.toBeNull();
    expect(row.tracking_sent_at).not.toBeNull();
    expect(row.bestbuy_shipped_at).not.toBeNull();
    expect(row.order_status).toBe("shipped");
    expect(row.shipped_at).not.toBeNull();

    const tracking = sandbox.state.trackingCalls(id);
    expect(tracking.map((c) => [c.status, c.carrierCode, c.trackingNumber])).toEqual([[204, "CPCL", pinFor(i)]]);
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    expect(sandbox.state.order(id)?.order_state).toBe("SHIPPED");

    const calls = await callsFor(t.db, id);
    expect(calls.map((c) => [c.service, c.endpoint, c.status_code, c.is_success])).toEqual([
      ["BestBuy", "UpdateTracking", 204, true],
      ["BestBuy", "ShipOrder", 204, true],
    ]);
  }
  expect(events[0]).toEqual({ type: "checking", shipments: 4 });
  expect(events.filter((e) => e.type === "updated")).toHaveLength(4);

  // Nothing is left: a second run calls Best Buy for nothing.
  const again = await pushTracking(deps(sandbox.url));
  expect(again.updated).toEqual([]);
  expect(sandbox.state.requestCount("UpdateTracking")).toBe(4);
});

test("two runs at the same moment never send OR23 or OR24 twice for an order", async () => {
  const s = await t.scene({ orders: 6 });
  const sandbox = s.sandbox;
  sandbox.faults.setLatency("*", 30);
  const [a, b] = await Promise.all([
    pushTracking(deps(sandbox.url, { concurrency: 2 })),
    pushTracking(deps(sandbox.url, { concurrency: 2 })),
  ]);
  expect([...a.updated, ...b.updated].sort()).toEqual([...s.orderIds].sort());
  for (const id of s.orderIds) {
    expect(trackingStatuses(sandbox, id)).toEqual([204]);
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    expect((await stateOf(t.db, id)).order_status).toBe("shipped");
  }
});

test("a 429 is waited out for as long as Retry-After says, then the tracking goes through", async () => {
  const s = await t.scene({ orders: 1 });
  const sandbox = s.sandbox;
  sandbox.faults.inject("UpdateTracking", { kind: "throttle", retryAfterSeconds: 1 });
  const started = performance.now();
  const summary = await pushTracking(deps(sandbox.url));
  expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  expect(summary.updated).toEqual(s.orderIds);
  const calls = await callsFor(t.db, s.orderIds[0]!);
  expect(calls.map((c) => [c.endpoint, c.status_code, c.attempt])).toEqual([
    ["UpdateTracking", 429, 1],
    ["UpdateTracking", 204, 2],
    ["ShipOrder", 204, 1],
  ]);
});

test("a 5xx from OR23 is retried, and one from OR24 is settled by reading the order back", async () => {
  const s = await t.scene({ orders: 1 });
  const sandbox = s.sandbox;
  const id = s.orderIds[0]!;
  sandbox.faults.inject("UpdateTracking", { kind: "status", status: 500 });
  sandbox.faults.inject("ShipOrder", { kind: "status", status: 503 });
  const summary = await pushTracking(deps(sandbox.url));
  expect(summary.updated).toEqual([id]);
  expect(summary.failed).toEqual([]);
  const calls = await callsFor(t.db, id);
  expect(calls.map((c) => [c.endpoint, c.status_code])).toEqual([
    ["UpdateTracking", 500],
    ["UpdateTracking", 204],
    ["ShipOrder", 503],
    ["ListOrders", 200],
    ["ShipOrder", 204],
  ]);
  expect(shipStatuses(sandbox, id)).toEqual([204]);
  expect((await stateOf(t.db, id)).status).toBe("tracking_updated");
});

test("an OR23 refusal leaves the label waiting with Best Buy's words; the next run finishes it", async () => {
  const s = await t.scene({ orders: 2 });
  const sandbox = s.sandbox;
  const [first, second] = s.orderIds as [string, string];
  const words = "Tracking number is not valid for carrier CPCL";
  sandbox.faults.inject("UpdateTracking", { kind: "status", status: 400, body: JSON.stringify({ message: words, status: 400 }) });

  const summary = await pushTracking(deps(sandbox.url));
  expect(summary.updated).toEqual([second]);
  expect(summary.failed).toHaveLength(1);
  expect(summary.failed[0]).toMatchObject({ orderId: first, kind: "rejected", messages: [words], attempts: 1 });
  expect(summary.failed[0]!.message).toContain(words);
  expect(summary.flagged).toEqual([]);

  const row = await stateOf(t.db, first);
  expect(row.status).toBe("label_created");
  expect(row.order_status).toBe("accepted");
  expect(row.tracking_sent_at).toBeNull();
  expect(row.tracking_attempts).toBe(1);
  expect(row.tracking_first_failed_at).not.toBeNull();
  expect(row.last_error).toContain(words);
  expect(row.error_messages).toEqual([words]);
  expect(row.attention).toBeNull();
  expect(shipStatuses(sandbox, first)).toEqual([]);

  const next = await pushTracking(deps(sandbox.url));
  expect(next.updated).toEqual([first]);
  const done = await stateOf(t.db, first);
  expect(done.status).toBe("tracking_updated");
  expect(done.last_error).toBeNull();
});

test("when OR24 fails after OR23 was taken, the next run resumes at OR24 without sending OR23 again", async () => {
  const s = await t.scene({ orders: 1 });
  const sandbox = s.sandbox;
  const id = s.orderIds[0]!;
  sandbox.faults.inject("ShipOrder", { kind: "status", status: 403, body: JSON.stringify({ message: "Shop is suspended", status: 403 }) });
  const summary = await pushTracking(deps(sandbox.url));
  expect(summary.failed).toMatchObject([{ orderId: id, kind: "rejected", messages: ["Shop is suspended"] }]);
  const row = await stateOf(t.db, id);
  expect(row.tracking_sent_at).not.toBeNull();
  expect(row.bestbuy_shipped_at).toBeNull();

  const next = await pushTracking(deps(sandbox.url));
  expect(next.updated).toEqual([id]);
  expect(trackingStatuses(sandbox, id)).toEqual([204]);
  expect(shipStatuses(sandbox, id)).toEqual([204]);
});

test("Best Buy down: the run stops at the first outage, changes nothing, and a later run completes", async () => {
  const s = await t.scene({ orders: 3 });
  const sandbox = s.sandbox;
  sandbox.faults.inject("UpdateTracking", { kind: "status", status: 503 }, 50);
  const events: TrackingEvent[] = [];
  const summary = await pushTracking({ ...deps(sandbox.url), onEvent: (e) => events.push(e) });

  expect(summary.unavailable).toBe(true);
  expect(summary.unavailableMessage).toContain("503");
  expect(summary.updated).toEqual([]);
  expect(summary.failed).toMatchObject([{ orderId: s.orderIds[0], kind: "unavailable" }]);
  expect(summary.notAttempted).toEqual(s.orderIds.slice(1));
  expect(events.filter((e) => e.type === "not-attempted")).toHaveLength(2);
  // One call (with its retries) and then nothing more.
  expect(sandbox.state.requestCount("UpdateTracking")).toBe(4);
  for (const id of s.orderIds) {
    const row = await stateOf(t.db, id);
    expect(row.status).toBe("label_created");
    expect(row.order_status).toBe("accepted");
    expect(row.tracking_sent_at).toBeNull();
    expect(row.tracking_attempts).toBe(0);
    expect(row.attention).toBeNull();
  }

  sandbox.faults.clear();
  const later = await pushTracking(deps(sandbox.url));
  expect(later.unavailable).toBe(false);
  expect(later.updated.sort()).toEqual([...s.orderIds].sort());
});

test("Best Buy not answering at all is the same: try again later, nothing counted against the labels", async () => {
  const s = await t.scene({ orders: 2 });
  const sandbox = s.sandbox;
  const closed = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("") });
  const deadUrl = `http://127.0.0.1:${closed.port}`;
  await closed.stop(true);

  const summary = await pushTracking(deps(deadUrl));
  expect(summary.unavailable).toBe(true);
  expect(summary.notAttempted).toEqual([s.orderIds[1]!]);
  for (const id of s.orderIds) expect((await stateOf(t.db, id)).tracking_attempts).toBe(0);

  const later = await pushTracking(deps(sandbox.url));
  expect(later.updated.sort()).toEqual([...s.orderIds].sort());
});

test("a refused API key stops the run at once, counts against no shipment, and the next run with the right key finishes", async () => {
  const s = await t.scene({ orders: 3 });
  const sandbox = s.sandbox;
  const refused = await pushTracking({ ...deps(sandbox.url), marketplace: trackingClient(t.db, sandbox.url, "wrong-key") });
  expect(refused.keyRefused).toContain("refused the API key");
  expect(refused.keyRefused).toContain("bestbuy.api_key");
  expect(refused.failed).toEqual([]);
  expect(refused.flagged).toEqual([]);
  expect(refused.updated).toEqual([]);
  // One call met the refusal; nothing more was sent with that key.
  const sent = s.orderIds.reduce((n, id) => n + sandbox!.state.trackingCalls(id).length, 0);
  expect(sent).toBeLessThanOrEqual(1);
  for (const id of s.orderIds) expect((await stateOf(t.db, id)).tracking_attempts).toBe(0);

  const fixed = await pushTracking(deps(sandbox.url));
  expect(fixed.updated.sort()).toEqual([...s.orderIds].sort());
});
