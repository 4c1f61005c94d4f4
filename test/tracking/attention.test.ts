import { expect, test } from "bun:test";
import { cancelledAfterLabel } from "../../src/common/cancelled-after-label.ts";
import type { RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { clearTrackingAttention, needsPerson, pushTracking, trackingNeedsPerson, type TrackingDeps } from "../../src/tracking/index.ts";
import setOrderStatus from "./set_order_status.sql" with { type: "text" };
import { callsFor, runSettings, shipStatuses, stateOf, sync, trackingClient, trackingTests } from "./support.ts";

const t = trackingTests("tracking_attention");

const deps = (url: string, extra: Partial<TrackingDeps> & { run?: Parameters<typeof runSettings>[0] } = {}): TrackingDeps => ({
  db: t.db,
  marketplace: trackingClient(t.db, url),
  ...extra,
  settings: runSettings(extra.run),
});

const refuse = (s: RunningBestBuySandbox, times = 1) =>
  s.faults.inject("UpdateTracking", { kind: "status", status: 400, body: JSON.stringify({ message: "Carrier CPCL rejected the number", status: 400 }) }, times);

test("a label Best Buy keeps refusing is flagged for a person after N tries, then skipped until cleared", async () => {
  const s = await t.scene({ orders: 1 });
  const sandbox = s.sandbox;
  const id = s.orderIds[0]!;
  const run = () => pushTracking(deps(sandbox!.url, { run: { trackingMaxAttempts: 3 } }));

  for (const attempt of [1, 2]) {
    refuse(sandbox);
    const summary = await run();
    expect(summary.failed).toMatchObject([{ orderId: id, attempts: attempt }]);
    expect(summary.flagged).toEqual([]);
    expect(needsPerson(summary)).toBe(false);
  }
  refuse(sandbox);
  const third = await run();
  expect(third.flagged).toHaveLength(1);
  expect(third.flagged[0]!.message).toBe(
    `Best Buy did not take the tracking number for order ${id} after 3 tries (it said: Carrier CPCL rejected the number); check the order in the Best Buy seller portal, then run shipdesk track --retry ${id}`,
  );
  expect(needsPerson(third)).toBe(true);
  const row = await stateOf(t.db, id);
  expect(row.status).toBe("label_created");
  expect(row.attention).toBe(third.flagged[0]!.message);
  expect(row.tracking_attempts).toBe(3);

  // Skipped from now on: no call to Best Buy, however many runs.
  const requests = sandbox.state.requestCount("UpdateTracking");
  const skipped = await run();
  expect(skipped.updated).toEqual([]);
  expect(skipped.failed).toEqual([]);
  expect(sandbox.state.requestCount("UpdateTracking")).toBe(requests);

  const waiting = await trackingNeedsPerson(t.db);
  expect(waiting).toHaveLength(1);
  expect(waiting[0]).toMatchObject({ orderId: id, attention: row.attention, attempts: 3, orderStatus: "accepted", trackingSentAt: null });
  expect(waiting[0]!.lastError).toContain("Carrier CPCL rejected the number");

  // The clerk fixed it and asks again.
  expect(await clearTrackingAttention(t.db, id)).toBe(true);
  expect(await trackingNeedsPerson(t.db)).toEqual([]);
  const after = await run();
  expect(after.updated).toEqual([id]);
  expect((await stateOf(t.db, id)).order_status).toBe("shipped");
});

test("a label refused for longer than tracking_give_up_hours is flagged even before N tries", async () => {
  const s = await t.scene({ orders: 1 });
  const sandbox = s.sandbox;
  const id = s.orderIds[0]!;
  const start = Date.now();
  refuse(sandbox, 2);
  const first = await pushTracking(deps(sandbox.url, { now: () => new Date(start) }));
  expect(first.flagged).toEqual([]);
  const dayLater = await pushTracking(deps(sandbox.url, { now: () => new Date(start + 25 * 3_600_000) }));
  expect(dayLater.failed).toMatchObject([{ orderId: id, attempts: 2 }]);
  expect(dayLater.flagged.map((f) => f.orderId)).toEqual([id]);
  expect((await stateOf(t.db, id)).attention).toContain("after 2 tries");
});

test("an order cancelled here after its label was bought is flagged to void the label, and Best Buy is not called for it", async () => {
  const s = await t.scene({ orders: 2 });
  const sandbox = s.sandbox;
  const [gone, kept] = s.orderIds as [string, string];
  await t.db.query(setOrderStatus, [gone, "cancelled"]);

  const summary = await pushTracking(deps(sandbox.url));
  const sentence = cancelledAfterLabel(gone, "cancelled");
  expect(summary.cancelled).toEqual([{ orderId: gone, message: sentence }]);
  expect(summary.updated).toEqual([kept]);
  expect(needsPerson(summary)).toBe(true);
  expect(await callsFor(t.db, gone)).toEqual([]);
  const row = await stateOf(t.db, gone);
  expect([row.status, row.order_status, row.shipped_at]).toEqual(["label_created", "cancelled", null]);
  expect(row.attention).toBe(sentence);
  expect(row.order_attention).toBe(sentence);
  expect((await trackingNeedsPerson(t.db)).map((w) => w.orderId)).toEqual([gone]);
  // Clearing the tracking flag does not hide a label that must be voided.
  expect(await clearTrackingAttention(t.db, gone)).toBe(false);
});

test("an order cancelled at Best Buy is found from OR23's refusal: flagged, marked cancelled here, never shipped", async () => {
  const s = await t.scene({ orders: 2 });
  const sandbox = s.sandbox;
  const [gone, kept] = s.orderIds as [string, string];
  sandbox.state.cancel(gone);

  const summary = await pushTracking(deps(sandbox.url));
  expect(summary.cancelled.map((c) => c.orderId)).toEqual([gone]);
  expect(summary.failed).toEqual([]);
  expect(summary.updated).toEqual([kept]);
  expect(shipStatuses(sandbox, gone)).toEqual([]);
  const row = await stateOf(t.db, gone);
  expect([row.status, row.order_status]).toEqual(["label_created", "cancelled"]);
  expect(row.order_attention).toBe(cancelledAfterLabel(gone, "cancelled"));

  const again = await pushTracking(deps(sandbox.url));
  expect(again.cancelled).toEqual([]);
  expect((await callsFor(t.db, gone)).filter((c) => c.endpoint === "UpdateTracking")).toHaveLength(1);
});

test("an order cancelled at Best Buy between OR23 and OR24 is found from OR24's refusal and never marked shipped", async () => {
  const s = await t.scene({ orders: 1 });
  const sandbox = s.sandbox;
  const id = s.orderIds[0]!;
  const summary = await pushTracking(deps(sandbox.url, {
    checkpoint: (step, orderId) => {
      if (step === "tracking-sent") sandbox!.state.cancel(orderId);
    },
  }));
  expect(summary.cancelled.map((c) => c.orderId)).toEqual([id]);
  expect(summary.updated).toEqual([]);
  expect(shipStatuses(sandbox, id)).toEqual([400]);
  const row = await stateOf(t.db, id);
  expect([row.status, row.order_status, row.bestbuy_shipped_at]).toEqual(["label_created", "cancelled", null]);
  expect(row.attention).toBe(cancelledAfterLabel(id, "cancelled"));
});

test("a run resuming after OR23 finds the order cancelled by reading it first", async () => {
  const s = await t.scene({ orders: 1 });
  const sandbox = s.sandbox;
  const id = s.orderIds[0]!;
  sandbox.faults.inject("ShipOrder", { kind: "status", status: 403 });
  await pushTracking(deps(sandbox.url));
  expect((await stateOf(t.db, id)).tracking_sent_at).not.toBeNull();
  sandbox.state.cancel(id);

  const summary = await pushTracking(deps(sandbox.url));
  expect(summary.cancelled.map((c) => c.orderId)).toEqual([id]);
  expect(shipStatuses(sandbox, id)).toEqual([]);
  expect((await stateOf(t.db, id)).order_status).toBe("cancelled");
});

test("an order the intake already saw cancelled is left to the person it flagged, and never shipped", async () => {
  const s = await t.scene({ orders: 2 });
  const sandbox = s.sandbox;
  const [gone, kept] = s.orderIds as [string, string];
  sandbox.state.cancel(gone);
  await sync(t.db, sandbox);
  const flagged = await stateOf(t.db, gone);
  expect([flagged.order_status, flagged.attention]).toEqual(["cancelled", cancelledAfterLabel(gone, "cancelled")]);

  const summary = await pushTracking(deps(sandbox.url));
  expect(summary.updated).toEqual([kept]);
  expect(summary.cancelled).toEqual([]);
  expect((await callsFor(t.db, gone)).filter((c) => c.endpoint !== "ListOrders")).toEqual([]);
  expect((await stateOf(t.db, gone)).status).toBe("label_created");
  expect((await trackingNeedsPerson(t.db)).map((w) => [w.orderId, w.attention])).toEqual([[gone, cancelledAfterLabel(gone, "cancelled")]]);
});
