import { expect, test } from "bun:test";
import { join } from "node:path";
import { pushTracking, type TrackingCheckpoint } from "../../src/tracking/index.ts";
import { childUrl, waitForChildSessionsToEnd } from "../support/database.ts";
import { callsFor, runSettings, shipStatuses, stateOf, trackingClient, trackingStatuses, trackingTests } from "./support.ts";

const t = trackingTests("tracking_crash");

const CHILD = join(import.meta.dir, "../fixtures/track-child.ts");

/**
 * Runs the workflow in a real child process until it reports reaching `step`, then kills it
 * with SIGKILL: no finally block, no unlock, no clean disconnect. Returns the order it was on.
 */
async function killAt(step: TrackingCheckpoint, bestBuyUrl: string): Promise<string> {
  const child = Bun.spawn([process.execPath, CHILD, childUrl(t.url), bestBuyUrl, step], { stdout: "pipe", stderr: "pipe" });
  const reader = child.stdout.getReader();
  const decoder = new TextDecoder();
  let out = "";
  try {
    while (!out.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      out += decoder.decode(value, { stream: true });
    }
  } finally {
    child.kill("SIGKILL");
    await child.exited;
    await waitForChildSessionsToEnd(t.db);
  }
  const match = /^at (\S+) (\S+)$/m.exec(out);
  if (!match) throw new Error(`the child did not reach ${step}: ${out}${await new Response(child.stderr).text()}`);
  expect(child.signalCode).toBe("SIGKILL");
  return match[2]!;
}

const finishRun = (url: string) => pushTracking({ db: t.db, marketplace: trackingClient(t.db, url), settings: runSettings() });

test("killed between OR23 and OR24: the next run sends only OR24 and finishes every order", async () => {
  const s = await t.scene({ orders: 3 });
  const sandbox = s.sandbox;
  const killedOn = await killAt("tracking-sent", sandbox.url);
  const before = await stateOf(t.db, killedOn);
  expect(before.tracking_sent_at).not.toBeNull();
  expect(before.bestbuy_shipped_at).toBeNull();
  expect(shipStatuses(sandbox, killedOn)).toEqual([]);

  const summary = await finishRun(sandbox.url);
  expect(summary.failed).toEqual([]);
  expect(summary.updated.sort()).toEqual([...s.orderIds].sort());
  for (const id of s.orderIds) {
    expect(trackingStatuses(sandbox, id)).toEqual([204]);
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    const row = await stateOf(t.db, id);
    expect([row.status, row.order_status]).toEqual(["tracking_updated", "shipped"]);
  }
});

test("killed after OR24 was accepted but before it was recorded: the order is read back, OR24 is not sent again", async () => {
  const s = await t.scene({ orders: 2 });
  const sandbox = s.sandbox;
  const killedOn = await killAt("ship-answered", sandbox.url);
  const before = await stateOf(t.db, killedOn);
  expect(before.bestbuy_shipped_at).toBeNull();
  expect(sandbox.state.order(killedOn)?.order_state).toBe("SHIPPED");

  const summary = await finishRun(sandbox.url);
  expect(summary.failed).toEqual([]);
  expect(summary.updated.sort()).toEqual([...s.orderIds].sort());
  for (const id of s.orderIds) {
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    expect((await stateOf(t.db, id)).order_status).toBe("shipped");
  }
  const endpoints = (await callsFor(t.db, killedOn)).map((c) => c.endpoint);
  expect(endpoints).toEqual(["UpdateTracking", "ShipOrder", "ListOrders"]);
});

test("killed after OR24 was recorded but before the database update: the next run finishes it without calling Best Buy", async () => {
  const s = await t.scene({ orders: 2 });
  const sandbox = s.sandbox;
  const killedOn = await killAt("bestbuy-shipped", sandbox.url);
  const before = await stateOf(t.db, killedOn);
  expect(before.bestbuy_shipped_at).not.toBeNull();
  expect([before.status, before.order_status]).toEqual(["label_created", "accepted"]);
  const callsBefore = (await callsFor(t.db, killedOn)).length;

  const summary = await finishRun(sandbox.url);
  expect(summary.failed).toEqual([]);
  expect(summary.updated.sort()).toEqual([...s.orderIds].sort());
  expect((await callsFor(t.db, killedOn)).length).toBe(callsBefore);
  for (const id of s.orderIds) {
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    const row = await stateOf(t.db, id);
    expect([row.status, row.order_status]).toEqual(["tracking_updated", "shipped"]);
  }
});
