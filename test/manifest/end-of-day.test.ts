import { describe, expect, test } from "bun:test";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { runEndOfDay, type EndOfDayEvent } from "../../src/manifest/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { sha256 } from "../../src/labels/index.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { carrierFor, sandboxSettings, shippingDeps } from "../support/shipping.ts";
import { labelTests } from "../support/label-tests.ts";
import shipmentsSql from "./queries.sql" with { type: "text" };
import manifestsSql from "./manifests.sql" with { type: "text" };
import transmitsSql from "./transmits.sql" with { type: "text" };

const CHILD = join(import.meta.dir, "../fixtures/manifest-child.ts");
const t = labelTests("eod");

const settings = () => sandboxSettings(t.labelsDir);
const endOfDay = (events: EndOfDayEvent[] = []) =>
  runEndOfDay({ db: t.db, carrier: carrierFor(t.db, settings(), t.cp.url), settings: settings(), onEvent: (e) => events.push(e) });

/** A day's batch bought with the real label workflow. */
async function shipBatch(n: number, prefix: string): Promise<string[]> {
  const orders = Array.from({ length: n }, (_, i) => testOrder(i, { order_id: `${prefix}-${i}` }));
  await insertOrders(t.db, orders);
  const summary = await runShipping(shippingDeps(t.db, settings(), t.cp.url));
  expect(summary.created).toHaveLength(n);
  return orders.map((o) => o.order_id);
}

/**
 * The next run after a SIGKILL: the server frees the dead run's session lock once it notices the
 * connection is gone, which can take a moment; until then a run is told another one is busy.
 */
async function endOfDayAfterCrash() {
  const deadline = Date.now() + 5000;
  for (;;) {
    const summary = await endOfDay();
    if (!summary.busy || Date.now() > deadline) return summary;
    await Bun.sleep(50);
  }
}

async function expectManifestSaved(orderIds: string[]) {
  const manifests = await t.db.query<Record<string, any>>(manifestsSql);
  expect(manifests).toHaveLength(1);
  const m = manifests[0]!;
  expect(m.status).toBe("manifest_saved");
  const sandboxManifest = [...t.cp.state.manifests.values()][0]!;
  expect(m.po_number).toBe(sandboxManifest.poNumber);
  const bytes = readFileSync(m.pdf_path);
  expect(sha256(bytes)).toBe(m.pdf_sha256);
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
  const rows = await t.db.query<Record<string, any>>(shipmentsSql);
  expect(rows.map((r) => r.order_id).sort()).toEqual([...orderIds].sort());
  for (const r of rows) {
    expect(r.manifest_id).toBe(m.manifest_id);
    expect(r.transmitted_at).not.toBeNull();
    expect(t.cp.state.shipments.get(r.cp_shipment_id)!.status).toBe("transmitted");
  }
  // Only whole PDFs where the clerk prints from.
  expect(readdirSync(t.labelsDir).filter((f) => f.startsWith("."))).toEqual([]);
}

describe("end of day", () => {
  test("a day's batch is transmitted once, its manifest PDF saved and linked; a second run transmits nothing", async () => {
    await t.fresh("happy");
    const ids = await shipBatch(4, "E");
    const events: EndOfDayEvent[] = [];
    const first = await endOfDay(events);
    expect(first.failed).toEqual([]);
    expect(first.unreachable).toEqual([]);
    expect(first.transmitted).toEqual([t.cp.state.shipments.values().next().value!.groupId!]);
    expect(first.saved).toHaveLength(1);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    await expectManifestSaved(ids);

    const second = await endOfDay();
    expect(second.transmitted).toEqual([]);
    expect(second.nothing).toContain("Nothing to transmit");
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    expect(await t.db.query(manifestsSql)).toHaveLength(1);
  });

  test("a group with a label in doubt is not transmitted, and the run says so", async () => {
    await t.fresh("blocked");
    await shipBatch(2, "B");
    // A third order whose Create Shipment answer is lost: its label is in doubt.
    await insertOrders(t.db, [testOrder(9, { order_id: "B-doubt" })]);
    t.cp.faults.inject("CreateShipment", { kind: "lose-reply" });
    t.cp.faults.inject("GetShipments", { kind: "status", status: 500 }, 3);
    const ship = await runShipping(shippingDeps(t.db, settings(), t.cp.url));
    expect(ship.inDoubt).toHaveLength(1);
    t.cp.faults.clear();
    const summary = await endOfDay();
    expect(summary.blocked).toHaveLength(1);
    expect(summary.blocked[0]!.orderIds).toEqual(["B-doubt"]);
    expect(summary.blocked[0]!.message).toContain("in doubt");
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(0);
  });

  test('with canadapost.manifest = "transmit" there is nothing to do, and the run says so', async () => {
    await t.fresh("transmit_mode");
    const s = settings();
    const own = { ...s, canadaPost: { ...s.canadaPost, manifest: "transmit" as const } };
    await insertOrders(t.db, [testOrder(0, { order_id: "TM-0" })]);
    await runShipping({ ...shippingDeps(t.db, own, t.cp.url), settings: own });
    const summary = await runEndOfDay({ db: t.db, carrier: carrierFor(t.db, own, t.cp.url), settings: own });
    expect(summary.nothing).toContain('"transmit"');
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(0);
  });

  test("two runs at once: one transmits, the other is told another run is busy or finds nothing", async () => {
    await t.fresh("two_runs");
    await shipBatch(3, "TW");
    t.cp.faults.setLatency("TransmitShipments", 300);
    const [a, b] = await Promise.all([endOfDay(), endOfDay()]);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    expect([a.busy, b.busy].filter(Boolean)).toHaveLength(1);
  });
});

describe("a crash or a lost reply after the transmit: the next run fetches the manifest without transmitting again", () => {
  for (const step of ["transmit-recorded", "manifest-recorded", "pdf-written"]) {
    test(`killed with SIGKILL at ${step}`, async () => {
      await t.fresh(`crash_${step.replace(/-/g, "_")}`);
      const ids = await shipBatch(3, `K${step.length}`);
      const child = Bun.spawn([process.execPath, CHILD, t.url, t.cp.url, t.labelsDir, step], { stdout: "pipe", stderr: "pipe" });
      await child.exited;
      expect(child.signalCode).toBe("SIGKILL");
      expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
      const summary = await endOfDayAfterCrash();
      expect(summary.busy).toBe(false);
      expect(summary.failed).toEqual([]);
      expect(summary.unreachable).toEqual([]);
      expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
      await expectManifestSaved(ids);
    });
  }

  test("killed with SIGKILL while the transmit was on its way (answer never recorded)", async () => {
    await t.fresh("crash_sent");
    const ids = await shipBatch(2, "KS");
    t.cp.faults.setLatency("TransmitShipments", 400);
    const child = Bun.spawn([process.execPath, CHILD, t.url, t.cp.url, t.labelsDir, "none"], { stdout: "pipe", stderr: "pipe" });
    const deadline = Date.now() + 10_000;
    while (t.cp.state.callsTo("TransmitShipments") < 1 && Date.now() < deadline) await Bun.sleep(10);
    child.kill("SIGKILL");
    await child.exited;
    t.cp.faults.clear();
    await Bun.sleep(500); // the sandbox finishes the transmit the dead client asked for
    const summary = await endOfDayAfterCrash();
    expect(summary.busy).toBe(false);
    expect(summary.failed).toEqual([]);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    expect((await t.db.query<Record<string, any>>(transmitsSql))[0]!.status).toBe("recovered");
    await expectManifestSaved(ids);
  });

  test("the transmit's reply is lost: the next run finds the manifest by date (Get Manifests) and never transmits again", async () => {
    await t.fresh("lost_reply");
    const ids = await shipBatch(3, "L");
    t.cp.faults.inject("TransmitShipments", { kind: "lose-reply" });
    const first = await endOfDay();
    expect(first.unreachable).toHaveLength(1);
    expect(t.cp.state.manifests.size).toBe(1);
    const transmits = await t.db.query<Record<string, any>>(transmitsSql);
    expect(transmits.map((x) => x.status)).toEqual(["sent"]);

    const second = await endOfDay();
    expect(second.unreachable).toEqual([]);
    expect(second.failed).toEqual([]);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    expect(t.cp.state.callsTo("GetManifests")).toBe(1);
    expect((await t.db.query<Record<string, any>>(transmitsSql))[0]!.status).toBe("recovered");
    await expectManifestSaved(ids);
  });

  test("the transmit was refused before reaching Canada Post's books: the labels go in the next transmit", async () => {
    await t.fresh("not_done");
    const ids = await shipBatch(2, "N");
    t.cp.faults.inject("TransmitShipments", { kind: "status", status: 503 });
    const first = await endOfDay();
    expect(first.unreachable).toHaveLength(1);
    expect(t.cp.state.manifests.size).toBe(0);
    const second = await endOfDay();
    expect(second.failed).toEqual([]);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(2);
    expect((await t.db.query<Record<string, any>>(transmitsSql)).map((x) => x.status)).toEqual(["not_transmitted", "answered"]);
    await expectManifestSaved(ids);
  });
});
