import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { startBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startPortalSandbox } from "../../src/sandbox/canadapost/index.ts";
import { runCli } from "../cli/run-cli.ts";
import { fileScene } from "../support/file-scene.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };
import truncateSql from "../cli/truncate.sql" with { type: "text" };

const scene = fileScene("portal-cli", startPortalSandbox);

// The real program, in its own processes, on the Developer Portal: what the clerk and Task
// Scheduler run, with canadapost.api = "portal" from the environment.
const BARRIER_CLI = join(import.meta.dir, "../fixtures/barrier-cli.ts");

const envFor = (extra: Record<string, string> = {}) => ({
  DATABASE_URL: scene.url,
  SHIPDESK_DATA_DIR: join(scene.dir, "data"),
  SHIPDESK_LABELS_DIR: join(scene.dir, "labels"),
  CANADAPOST_API: "portal",
  CANADAPOST_BASE_URL: scene.cp.url,
  BESTBUY_BASE_URL: "http://127.0.0.1:9",
  ...extra,
});

async function emptyShop() {
  await scene.db.query(truncateSql);
  scene.cp.state.reset();
  scene.cp.faults.clear();
}

describe("shipdesk on the Developer Portal", () => {
  test("--auto: sync, labels, tracking and shipped, exit 0, each order one label", async () => {
    await emptyShop();
    const bb = startBestBuySandbox({ orders: 4, seed: 23 });
    try {
      const run = await runCli(["--auto"], { cwd: scene.dir, env: envFor({ BESTBUY_BASE_URL: bb.url }) });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      const rows = await scene.db.query<Record<string, any>>(shipmentsSql);
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.status === "tracking_updated")).toBe(true);
      for (const r of rows) expect(scene.cp.state.labelsFor(r.order_id)).toHaveLength(1);
      expect(scene.cp.state.createCount).toBe(4);
    } finally {
      await bb.stop();
    }
  }, 60_000);

  test("two ship --auto released at the same instant, three times over 40 orders: exactly one label each, both exit 0", async () => {
    for (let round = 0; round < 3; round++) {
      await emptyShop();
      const orders = Array.from({ length: 40 }, (_, i) => testOrder(i, { order_id: `PC${round}-${String(i).padStart(2, "0")}` }));
      await insertOrders(scene.db, orders);
      const spawn = () =>
        Bun.spawn([process.execPath, BARRIER_CLI, "ship", "--auto"], {
          cwd: scene.dir,
          env: { PATH: process.env.PATH ?? "", HOME: scene.dir, ...envFor() },
          stdin: "pipe",
          stdout: "pipe",
          stderr: "pipe",
        });
      const procs = [spawn(), spawn()];
      const readers = procs.map((p) => p.stdout.getReader());
      // Each says "ready" once loaded; only then are both let go.
      await Promise.all(
        readers.map(async (r) => {
          let seen = "";
          while (!seen.includes("ready\n")) {
            const { value, done } = await r.read();
            if (done) throw new Error(`a runner ended before it was ready: ${seen}`);
            seen += new TextDecoder().decode(value);
          }
          r.releaseLock();
        }),
      );
      for (const p of procs) {
        p.stdin.write("go\n");
        await p.stdin.end();
      }
      const codes = await Promise.all(procs.map((p) => p.exited));
      const stderr = await Promise.all(procs.map((p) => new Response(p.stderr).text()));
      expect({ codes, stderr }).toEqual({ codes: [0, 0], stderr: ["", ""] });
      for (const o of orders) expect(scene.cp.state.labelsFor(o.order_id)).toHaveLength(1);
      expect(scene.cp.state.callsTo("CreateShipment")).toBe(40);
      const rows = await scene.db.query<Record<string, any>>(shipmentsSql);
      expect(rows.filter((r) => r.status !== "label_created")).toEqual([]);
    }
  }, 120_000);

  test("a refused client secret: exit 2, one sentence naming client_secret, nothing bought", async () => {
    await emptyShop();
    await insertOrders(scene.db, [testOrder(0, { order_id: "PK-0" })]);
    const run = await runCli(["ship", "--auto"], { cwd: scene.dir, env: envFor({ CANADAPOST_CLIENT_SECRET: "0".repeat(32) }) });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain("canadapost.client_secret");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(scene.cp.state.createCount).toBe(0);
  }, 30_000);

  test("a portal client id given as the XML username: exit 2 before anything, one sentence, the key not printed", async () => {
    const id = "0123456789abcdef0123456789abcdef";
    const run = await runCli(["ship", "--auto"], { cwd: scene.dir, env: { ...envFor(), CANADAPOST_API: "xml", CANADAPOST_USERNAME: id, CANADAPOST_PASSWORD: "f".repeat(32) } });
    expect(run.code).toBe(2);
    const said = (run.stdout + run.stderr).trim();
    expect(said).toContain("Developer Portal client id");
    expect(said).not.toContain(id);
    expect(said.split("\n")).toHaveLength(1);
  }, 30_000);
});
