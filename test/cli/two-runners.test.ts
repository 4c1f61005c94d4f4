// Two real shipdesk processes released at the same instant (a barrier on stdin, not a sleep),
// with the sandboxes at zero latency so that their claims and inserts really collide: the clerk's
// PC and Task Scheduler, or two PCs, starting the same command together.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { fileScene } from "../support/file-scene.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };
import truncateSql from "./truncate.sql" with { type: "text" };
import countsSql from "./counts.sql" with { type: "text" };

const scene = fileScene("two-runners-cli", startCanadaPostSandbox);

const BARRIER_CLI = join(import.meta.dir, "../fixtures/barrier-cli.ts");
const ORDERS = 100;
const REPEATS = 20;

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts two copies of `shipdesk ARGS`, waits until both have loaded, then releases both at once. */
async function twoAtOnce(args: string[], env: Record<string, string>): Promise<[Finished, Finished]> {
  const spawn = () =>
    Bun.spawn([process.execPath, BARRIER_CLI, ...args], {
      cwd: scene.dir,
      env: { PATH: process.env.PATH ?? "", HOME: scene.dir, ...env },
      stdin: "pipe",
      stdout: "pipe",
      stderr: "pipe",
    });
  const procs = [spawn(), spawn()];
  const readers = procs.map((p) => p.stdout.getReader());
  const decoder = new TextDecoder();
  const early = ["", ""];
  // Each says "ready" once everything is imported; only then are both released.
  await Promise.all(
    readers.map(async (r, i) => {
      while (!early[i]!.includes("ready\n")) {
        const { value, done } = await r.read();
        if (done) throw new Error(`runner ${i} ended before it was ready: ${early[i]}`);
        early[i] += decoder.decode(value, { stream: true });
      }
    }),
  );
  for (const p of procs) p.stdin.write("go\n");
  await Promise.all(procs.map((p) => p.stdin.end()));
  const finished = await Promise.all(
    procs.map(async (p, i) => {
      let rest = "";
      for (;;) {
        const { value, done } = await readers[i]!.read();
        if (done) break;
        rest += decoder.decode(value, { stream: true });
      }
      const [stderr, code] = await Promise.all([new Response(p.stderr).text(), p.exited]);
      return { code, stdout: early[i]!.replace("ready\n", "") + rest, stderr };
    }),
  );
  return finished as [Finished, Finished];
}

function envFor(bb: RunningBestBuySandbox | undefined, labels: string): Record<string, string> {
  return {
    DATABASE_URL: scene.url,
    SHIPDESK_DATA_DIR: join(scene.dir, "data"),
    SHIPDESK_LABELS_DIR: labels,
    CANADAPOST_BASE_URL: scene.cp.url,
    BESTBUY_BASE_URL: bb?.url ?? "http://127.0.0.1:9",
  };
}

/** Never the "unexpected error" of exit 4, and never a stack trace for the clerk. */
function expectNoCrash(runs: Finished[]) {
  for (const run of runs) {
    expect(run.code).toBeLessThan(4);
    expect(run.stdout + run.stderr).not.toContain("unexpected error");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }
}

async function emptyShop() {
  await scene.db.query(truncateSql);
  scene.cp.state.reset();
  scene.cp.faults.clear();
}

describe(`two "shipdesk ship --auto" at the same instant over ${ORDERS} orders`, () => {
  test(`${REPEATS} times: never an exit 4, exactly one label per order, nothing left half-claimed`, async () => {
    for (let round = 0; round < REPEATS; round++) {
      await emptyShop();
      const labels = join(scene.dir, `labels-${round}`);
      const orders = Array.from({ length: ORDERS }, (_, i) => testOrder(i, { order_id: `R${round}-${String(i).padStart(3, "0")}` }));
      await insertOrders(scene.db, orders);
      const runs = await twoAtOnce(["ship", "--auto"], envFor(undefined, labels));
      expectNoCrash(runs);
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      for (const o of orders) expect(scene.cp.state.labelsFor(o.order_id)).toHaveLength(1);
      expect(scene.cp.state.callsTo("CreateShipment")).toBe(ORDERS);
      const rows = await scene.db.query<Record<string, any>>(shipmentsSql);
      expect(rows).toHaveLength(ORDERS);
      expect(rows.filter((r) => r.status !== "label_created")).toEqual([]);
    }
  }, 600_000);
});

describe("two copies of the other commands at the same instant", () => {
  let bb: RunningBestBuySandbox;
  afterAll(async () => {
    await bb?.stop();
  });

  test('two "orders sync": every order once, both end cleanly', async () => {
    await emptyShop();
    bb = startBestBuySandbox({ orders: 60, seed: 41 });
    const labels = join(scene.dir, "labels-sync");
    for (let round = 0; round < 5; round++) {
      await scene.db.query(truncateSql);
      const runs = await twoAtOnce(["orders", "sync"], envFor(bb, labels));
      expectNoCrash(runs);
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      const [counts] = await scene.db.query<{ orders: number }>(countsSql);
      expect(counts!.orders).toBe(60);
    }
  }, 120_000);

  test('two "track" after the labels: one OR23 and one OR24 per order', async () => {
    const labels = join(scene.dir, "labels-track");
    const ship = await twoAtOnce(["ship", "--auto"], envFor(bb, labels));
    expectNoCrash(ship);
    const runs = await twoAtOnce(["track", "--auto"], envFor(bb, labels));
    expectNoCrash(runs);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    for (const id of bb.state.orderIds()) {
      expect(bb.state.trackingCalls(id)).toHaveLength(1);
      expect(bb.state.shipCalls(id)).toHaveLength(1);
    }
    const rows = await scene.db.query<Record<string, any>>(shipmentsSql);
    expect(rows).toHaveLength(60);
    expect(rows.filter((r) => r.status !== "tracking_updated")).toEqual([]);
  }, 120_000);

  test('two "manifest": one transmit of the day\'s group, one manifest, both end cleanly', async () => {
    const labels = join(scene.dir, "labels-track");
    const runs = await twoAtOnce(["manifest"], envFor(bb, labels));
    expectNoCrash(runs);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 0]);
    expect(scene.cp.state.callsTo("TransmitShipments")).toBe(1);
    const [counts] = await scene.db.query<{ manifests: number }>(countsSql);
    expect(counts!.manifests).toBe(scene.cp.state.manifests.size);
    expect(counts!.manifests).toBeGreaterThan(0);
  }, 120_000);
});
