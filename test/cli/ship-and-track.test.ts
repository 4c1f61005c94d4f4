import { afterAll, beforeAll, expect, test } from "bun:test";
import { openApp } from "../../src/app/app.ts";
import { shipAndTrack } from "../../src/cli/commands/ship-and-track.ts";
import { syncCommand } from "../../src/app/commands/sync.ts";
import { createLogger } from "../../src/app/log.ts";
import { loadSettings } from "../../src/config/index.ts";
import { startBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { freshServerDatabase, tempDir } from "../support/database.ts";
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };

let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
});

async function scene(label: string, orders: number) {
  const t = await freshServerDatabase(label);
  const dir = tempDir(label);
  const bb = startBestBuySandbox({ orders, seed: 31 });
  cp.state.reset();
  cp.faults.clear();
  const settings = loadSettings({
    env: { DATABASE_URL: t.url, CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url, SHIPDESK_DATA_DIR: dir.path, SHIPDESK_LABELS_DIR: `${dir.path}/labels` },
    cwd: dir.path,
    programDir: dir.path,
  });
  await t.db.close(); // the app opens its own
  const app = await openApp({ ...settings, run: { ...settings.run, concurrency: 2 } });
  const lines: string[] = [];
  const log = createLogger({ write: (l) => void lines.push(l) });
  await syncCommand(app, log, undefined);
  return {
    app,
    bb,
    log,
    lines,
    async done() {
      await app.close();
      await bb.stop();
      await t.drop();
      dir.remove();
    },
  };
}

test("--auto reports labels to Best Buy while the rest are still being bought, each order once", async () => {
  const s = await scene("ship_track_overlap", 12);
  try {
    cp.faults.setLatency("CreateShipment", 150);
    const { ship, track } = await shipAndTrack(s.app, s.log, 100);
    expect(ship.line).toContain("12 label(s) bought");
    expect(track.line).toContain("12 order(s) shipped at Best Buy");
    const ids = s.bb.state.orderIds();
    for (const id of ids) {
      expect(s.bb.state.trackingCalls(id)).toHaveLength(1);
      expect(s.bb.state.shipCalls(id)).toHaveLength(1);
    }
    // The first orders were shipped at Best Buy before the last label was bought.
    const firstShipped = Math.min(...ids.map((id) => s.bb.state.shipCalls(id)[0]!.at.getTime()));
    const lastLabel = Math.max(...[...cp.state.shipments.values()].map((x) => x.createdAt.getTime()));
    expect(firstShipped).toBeLessThan(lastLabel);
    const rows = await s.app.db.query<{ status: string }>(shipmentsSql);
    expect(rows.every((r) => r.status === "tracking_updated")).toBe(true);
  } finally {
    await s.done();
  }
}, 30_000);

test("Best Buy going down mid-batch stops the tracking rounds, never the labels", async () => {
  const s = await scene("ship_track_bbdown", 8);
  try {
    cp.faults.setLatency("CreateShipment", 100);
    s.bb.faults.inject("UpdateTracking", { kind: "status", status: 503, body: "{}" }, 1000);
    const { ship, track } = await shipAndTrack(s.app, s.log, 50);
    expect(ship.line).toContain("8 label(s) bought");
    expect(ship.exitCode).toBe(0);
    expect(track.exitCode).toBe(3);
    expect(track.line).toContain("Best Buy could not be reached");
    const rows = await s.app.db.query<{ status: string }>(shipmentsSql);
    expect(rows.map((r) => r.status)).toEqual(Array(8).fill("label_created"));
    // One round met the outage and the rounds stopped: not one attempt per label.
    const updateCalls = s.bb.state.orderIds().reduce((n, id) => n + s.bb.state.trackingCalls(id).length, 0);
    expect(updateCalls).toBeLessThanOrEqual(4);
  } finally {
    await s.done();
  }
}, 30_000);
