import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runShipping } from "../../src/shipping/index.ts";
import { childUrl, freshServerDatabase, tempDir, waitForChildSessionsToEnd } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import shipmentsSql from "./queries.sql" with { type: "text" };
import ageCreateSentSql from "../support/age_create_sent.sql" with { type: "text" };

const CHILD = join(import.meta.dir, "../fixtures/ship-child.ts");
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
});

function spawnChild(url: string, labelsDir: string, crashAt: string, concurrency = 4) {
  return Bun.spawn([process.execPath, CHILD, childUrl(url), cp.url, labelsDir, crashAt, String(concurrency)], { stdout: "pipe", stderr: "pipe" });
}

/** After a crash, one ordinary run must leave every order with exactly one label, saved. */
async function expectAllFinished(db: Awaited<ReturnType<typeof freshServerDatabase>>["db"], labelsDir: string, orderIds: string[]) {
  await waitForChildSessionsToEnd(db);
  // The next run comes later, as a scheduled one would: a label asked for in the killed run's last
  // moments is past the time Canada Post might still be making it (the run at once is tested below).
  await db.query(ageCreateSentSql, [60_000]);
  const summary = await runShipping(shippingDeps(db, sandboxSettings(labelsDir), cp.url));
  expect(summary.failed).toEqual([]);
  expect(summary.inDoubt).toEqual([]);
  const rows = await db.query<Record<string, any>>(shipmentsSql);
  expect(rows.map((r) => r.order_id).sort()).toEqual([...orderIds].sort());
  for (const row of rows) {
    expect(row.status).toBe("label_created");
    expect(cp.state.labelsFor(row.order_id)).toHaveLength(1);
    expect(row.tracking_pin).toBe(cp.state.labelsFor(row.order_id)[0]!.trackingPin);
    expect(existsSync(row.label_pdf_path)).toBe(true);
  }
  // No half-written files are left where the clerk prints from.
  expect(readdirSync(labelsDir).filter((f) => !f.endsWith(".pdf") || f.startsWith("."))).toEqual([]);
}

describe("a runner killed with SIGKILL at each step boundary: the next run finishes, exactly one label each", () => {
  for (const step of ["claimed", "create-answered", "shipment-saved", "label-written"]) {
    test(`killed at ${step}`, async () => {
      const t = await freshServerDatabase(`crash_${step.replace(/-/g, "_")}`);
      const labels = tempDir(`crash-${step}`);
      try {
        cp.state.reset();
        cp.faults.clear();
        const orders = Array.from({ length: 3 }, (_, i) => testOrder(i, { order_id: `K-${step}-${i}` }));
        await insertOrders(t.db, orders);
        const child = spawnChild(t.url, labels.path, step, 1);
        expect(await child.exited).not.toBe(0);
        expect(child.signalCode).toBe("SIGKILL");
        await expectAllFinished(t.db, labels.path, orders.map((o) => o.order_id));
      } finally {
        await t.drop();
        labels.remove();
      }
    });
  }

  test("killed during the label download", async () => {
    const t = await freshServerDatabase("crash_download");
    const labels = tempDir("crash-download");
    try {
      cp.state.reset();
      cp.faults.clear();
      cp.faults.setLatency("GetArtifact", 5000);
      const orders = [testOrder(0, { order_id: "K-dl-0" }), testOrder(1, { order_id: "K-dl-1" })];
      await insertOrders(t.db, orders);
      const child = spawnChild(t.url, labels.path, "none", 2);
      const deadline = Date.now() + 10_000;
      while (cp.state.callsTo("GetArtifact") < 1 && Date.now() < deadline) await Bun.sleep(20);
      expect(cp.state.callsTo("GetArtifact")).toBeGreaterThanOrEqual(1);
      child.kill("SIGKILL");
      await child.exited;
      cp.faults.clear();
      await expectAllFinished(t.db, labels.path, orders.map((o) => o.order_id));
      expect(cp.state.callsTo("CreateShipment")).toBe(2);
    } finally {
      await t.drop();
      labels.remove();
    }
  });
});

test("killed while Canada Post is still making the label: a run at once buys nothing (an empty search proves nothing yet); once it is made, it is adopted, one label", async () => {
  const t = await freshServerDatabase("crash_in_flight");
  const labels = tempDir("crash-in-flight");
  try {
    cp.state.reset();
    cp.faults.clear();
    // Canada Post takes 1.5 s to make a label, and finishes it even when the sender is gone.
    cp.faults.setLatency("CreateShipment", 1500);
    const orders = [testOrder(0, { order_id: "K-flight-0" })];
    await insertOrders(t.db, orders);
    const child = spawnChild(t.url, labels.path, "none", 1);
    while (cp.state.callsTo("CreateShipment") < 1) await Bun.sleep(10);
    child.kill("SIGKILL");
    await child.exited;
    await waitForChildSessionsToEnd(t.db);

    const soon = await runShipping(shippingDeps(t.db, sandboxSettings(labels.path), cp.url));
    expect(soon.inDoubt.map((d) => d.orderId)).toEqual(["K-flight-0"]);
    expect(soon.bought).toEqual([]);
    expect(cp.state.callsTo("CreateShipment")).toBe(1);

    while (cp.state.createCount < 1) await Bun.sleep(10);
    cp.faults.clear();
    await expectAllFinished(t.db, labels.path, ["K-flight-0"]);
    expect(cp.state.callsTo("CreateShipment")).toBe(1);
  } finally {
    await t.drop();
    labels.remove();
  }
}, 30_000);

test("two runners at once over 100 orders buy exactly 100 labels", async () => {
  const t = await freshServerDatabase("two_runners");
  const labels = tempDir("two-runners");
  try {
    cp.state.reset();
    cp.faults.clear();
    cp.faults.setLatency("CreateShipment", 5);
    const orders = Array.from({ length: 100 }, (_, i) => testOrder(i, { order_id: `P-${String(i).padStart(3, "0")}` }));
    await insertOrders(t.db, orders);
    const a = spawnChild(t.url, labels.path, "none");
    const b = spawnChild(t.url, labels.path, "none");
    const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
    const outA = await new Response(a.stdout).text();
    const outB = await new Response(b.stdout).text();
    expect([codeA, codeB]).toEqual([0, 0]);
    // Both really worked: each claimed some of the batch.
    const claimedBy = (out: string) => out.split("\n").filter((l) => l.startsWith("claimed ")).length;
    expect(claimedBy(outA) + claimedBy(outB)).toBe(100);
    expect(cp.state.callsTo("CreateShipment")).toBe(100);
    for (const o of orders) expect(cp.state.labelsFor(o.order_id)).toHaveLength(1);
    const rows = await t.db.query<Record<string, any>>(shipmentsSql);
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.status === "label_created")).toBe(true);
  } finally {
    await t.drop();
    labels.remove();
  }
}, 60_000);
