import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import type { RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { pushTracking, type TrackingCheckpoint } from "../../src/tracking/index.ts";
import { childUrl, freshServerDatabase, waitForChildSessionsToEnd, type TestDatabase } from "../support/database.ts";
import { callsFor, runSettings, scene, shipStatuses, stateOf, trackingClient, trackingStatuses } from "./support.ts";

let tdb: TestDatabase;
let sandbox: RunningBestBuySandbox | undefined;

beforeAll(async () => {
  tdb = await freshServerDatabase("tracking_crash");
});
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});
afterAll(async () => {
  await tdb?.drop();
});

const CHILD = join(import.meta.dir, "../fixtures/track-child.ts");

/**
 * Runs the workflow in a real child process until it reports reaching `step`, then kills it
 * with SIGKILL: no finally block, no unlock, no clean disconnect. Returns the order it was on.
 */
async function killAt(step: TrackingCheckpoint, bestBuyUrl: string): Promise<string> {
  const child = Bun.spawn([process.execPath, CHILD, childUrl(tdb.url), bestBuyUrl, step], { stdout: "pipe", stderr: "pipe" });
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
    await waitForChildSessionsToEnd(tdb.db);
  }
  const match = /^at (\S+) (\S+)$/m.exec(out);
  if (!match) throw new Error(`the child did not reach ${step}: ${out}${await new Response(child.stderr).text()}`);
  expect(child.signalCode).toBe("SIGKILL");
  return match[2]!;
}

const finishRun = (url: string) => pushTracking({ db: tdb.db, marketplace: trackingClient(tdb.db, url), settings: runSettings() });

test("killed between OR23 and OR24: the next run sends only OR24 and finishes every order", async () => {
  const s = await scene(tdb.db, { orders: 3 });
  sandbox = s.sandbox;
  const killedOn = await killAt("tracking-sent", sandbox.url);
  const before = await stateOf(tdb.db, killedOn);
  expect(before.tracking_sent_at).not.toBeNull();
  expect(before.bestbuy_shipped_at).toBeNull();
  expect(shipStatuses(sandbox, killedOn)).toEqual([]);

  const summary = await finishRun(sandbox.url);
  expect(summary.failed).toEqual([]);
  expect(summary.updated.sort()).toEqual([...s.orderIds].sort());
  for (const id of s.orderIds) {
    expect(trackingStatuses(sandbox, id)).toEqual([204]);
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    const row = await stateOf(tdb.db, id);
    expect([row.status, row.order_status]).toEqual(["tracking_updated", "shipped"]);
  }
});

test("killed after OR24 was accepted but before it was recorded: the order is read back, OR24 is not sent again", async () => {
  const s = await scene(tdb.db, { orders: 2 });
  sandbox = s.sandbox;
  const killedOn = await killAt("ship-answered", sandbox.url);
  const before = await stateOf(tdb.db, killedOn);
  expect(before.bestbuy_shipped_at).toBeNull();
  expect(sandbox.state.order(killedOn)?.order_state).toBe("SHIPPED");

  const summary = await finishRun(sandbox.url);
  expect(summary.failed).toEqual([]);
  expect(summary.updated.sort()).toEqual([...s.orderIds].sort());
  for (const id of s.orderIds) {
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    expect((await stateOf(tdb.db, id)).order_status).toBe("shipped");
  }
  const endpoints = (await callsFor(tdb.db, killedOn)).map((c) => c.endpoint);
  expect(endpoints).toEqual(["UpdateTracking", "ShipOrder", "ListOrders"]);
});

test("killed after OR24 was recorded but before the database update: the next run finishes it without calling Best Buy", async () => {
  const s = await scene(tdb.db, { orders: 2 });
  sandbox = s.sandbox;
  const killedOn = await killAt("bestbuy-shipped", sandbox.url);
  const before = await stateOf(tdb.db, killedOn);
  expect(before.bestbuy_shipped_at).not.toBeNull();
  expect([before.status, before.order_status]).toEqual(["label_created", "accepted"]);
  const callsBefore = (await callsFor(tdb.db, killedOn)).length;

  const summary = await finishRun(sandbox.url);
  expect(summary.failed).toEqual([]);
  expect(summary.updated.sort()).toEqual([...s.orderIds].sort());
  expect((await callsFor(tdb.db, killedOn)).length).toBe(callsBefore);
  for (const id of s.orderIds) {
    expect(shipStatuses(sandbox, id)).toEqual([204]);
    const row = await stateOf(tdb.db, id);
    expect([row.status, row.order_status]).toEqual(["tracking_updated", "shipped"]);
  }
});
