import { afterAll, describe, expect, test } from "bun:test";
import type { BestBuySandboxOptions } from "../../src/sandbox/bestbuy/index.ts";
import { canadaPostForFile, cliScene } from "../support/cli-scene.ts";
import { tempDir } from "../support/database.ts";
import { runCli } from "./run-cli.ts";
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };

const canadaPost = canadaPostForFile();
const dirs: { remove(): void }[] = [];
afterAll(() => {
  for (const d of dirs) d.remove();
});

/** A Best Buy sandbox with `bestBuy`'s orders, a fresh database and a folder, the Canada Post sandbox emptied. */
const setup = (label: string, bestBuy: BestBuySandboxOptions) => cliScene(label, "server", canadaPost(), bestBuy);

describe("--auto exit codes", () => {
  test("0: every order shipped, log lines and one summary line", async () => {
    const s = await setup("ok", { orders: 3, seed: 11 });
    try {
      const run = await runCli(["--auto"], { env: s.env, cwd: s.dir });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split("\n");
      for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (INFO |WARN |ERROR) \S+ /);
      expect(lines.at(-1)).toContain("summary: orders: 3 new");
      expect(lines.at(-1)).toContain("labels: 3 label(s) bought");
      expect(lines.at(-1)).toContain("tracking: 3 order(s) shipped at Best Buy");
      expect(lines.at(-1)).toContain("(exit 0)");
      for (const id of s.bb.state.orderIds()) expect(s.bb.state.shipCalls(id)).toHaveLength(1);
      // The same lines went to the log file in the data folder.
      expect(await Bun.file(`${s.dir}/data/shipdesk.log`).text()).toContain("summary: orders: 3 new");
    } finally {
      await s.done();
    }
  }, 30_000);

  test("1: done, but an order has a problem for a person", async () => {
    const s = await setup("person", { orders: 2, seed: 12, specialOrders: [{ orderId: "BADZIP-A", address: { zip_code: "00000" } }] });
    try {
      const run = await runCli(["--auto"], { env: s.env, cwd: s.dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("BADZIP-A");
      expect(run.stdout).toMatch(/labels: 2 label\(s\) bought for \$\d+\.\d\d \(taxes included\), 1 order\(s\) with problems/);
      const status = await runCli(["status"], { env: s.env, cwd: s.dir });
      expect(status.code).toBe(1);
      expect(status.stdout).toContain("Needs a person (1)");
      expect(status.stdout).toContain("BADZIP-A");
      expect(status.stdout).toContain("auto (auto): exit 1");
    } finally {
      await s.done();
    }
  }, 30_000);

  test("2: a bad setting, in one sentence, before anything is touched", async () => {
    const dir = tempDir("cli-usage");
    dirs.push(dir);
    const run = await runCli(["--auto"], { env: { SHIPDESK_MODE: "production" }, cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'Setting mode must be "sandbox" (the built-in test servers, nothing is bought) or "live" (real labels, billed); fix it in the environment variable SHIPDESK_MODE and run shipdesk again.',
    );
    const usage = await runCli(["ship", "--retry"], { cwd: dir.path });
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim()).toBe("--retry needs a value; see shipdesk --help.");
  });

  test("2: Canada Post refuses the API key: the run stops at once and says which settings to check", async () => {
    const s = await setup("badkey", { orders: 3, seed: 14 });
    try {
      const run = await runCli(["--auto"], { env: { ...s.env, CANADAPOST_PASSWORD: "not-the-password" }, cwd: s.dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toContain("Canada Post refused shipdesk's API key (HTTP 401)");
      expect(canadaPost().state.labelsFor(s.bb.state.orderIds()[0]!)).toHaveLength(0);

      const bestBuy = await runCli(["orders", "sync"], { env: { ...s.env, BESTBUY_API_KEY: "not-the-key" }, cwd: s.dir });
      expect(bestBuy.code).toBe(2);
      expect(bestBuy.stdout).toContain("Best Buy refused the API key");
      expect(bestBuy.stdout).toContain("bestbuy.api_key");
    } finally {
      await s.done();
    }
  }, 30_000);

  test("3: Best Buy down — labels are still bought, tracking waits, the scheduler is told to try later", async () => {
    const s = await setup("bbdown", { orders: 2, seed: 13 });
    try {
      // A first sync brings the orders in; then Best Buy goes away.
      expect((await runCli(["orders", "sync"], { env: s.env, cwd: s.dir })).code).toBe(0);
      await s.bb.stop();
      const run = await runCli(["--auto"], { env: s.env, cwd: s.dir });
      expect(run.code).toBe(3);
      expect(run.stdout).toContain("labels: 2 label(s) bought");
      expect(run.stdout).toContain("Best Buy could not be reached");
      const rows = await s.query<{ status: string }>(shipmentsSql);
      expect(rows.map((r) => r.status)).toEqual(["label_created", "label_created"]);
    } finally {
      await s.done();
    }
  }, 30_000);

  test("3: run.max_minutes spent — nothing new is started, nothing is left half-done, the next run finishes", async () => {
    const s = await setup("budget", { orders: 16, seed: 15 });
    try {
      // About 1.8 s of budget for labels that take 250 ms each, one at a time.
      await Bun.write(`${s.dir}/shipdesk.toml`, "[run]\nmax_minutes = 0.03\nconcurrency = 1\n");
      canadaPost().faults.setLatency("CreateShipment", 250);
      const run = await runCli(["--auto"], { env: s.env, cwd: s.dir });
      expect(run.code).toBe(3);
      expect(run.stdout).toContain("(run.max_minutes): no new label or tracking call is started");
      const summary = run.stdout.trim().split("\n").at(-1)!;
      const bought = Number(summary.match(/labels: (\d+) label\(s\) bought/)![1]);
      const left = Number(summary.match(/(\d+) not started \(stopped early; left for the next run\)/)![1]);
      expect(bought).toBeGreaterThan(0);
      expect(bought + left).toBe(16);
      let rows = await s.query<{ order_id: string; status: string }>(shipmentsSql);
      expect(rows).toHaveLength(bought);
      expect(rows.filter((r) => r.status === "label_creation_initiated")).toEqual([]);
      // Tracking's rounds start every 2 s: by then the budget is spent, so none is sent.
      expect(summary).toContain(`tracking: 0 order(s) shipped at Best Buy, ${bought} left for the next run (run.max_minutes reached)`);

      canadaPost().faults.clear();
      await Bun.write(`${s.dir}/shipdesk.toml`, "[run]\nmax_minutes = 10\n");
      const next = await runCli(["--auto"], { env: s.env, cwd: s.dir });
      expect(next.code).toBe(0);
      rows = await s.query<{ order_id: string; status: string }>(shipmentsSql);
      expect(rows).toHaveLength(16);
      expect(rows.filter((r) => r.status !== "tracking_updated")).toEqual([]);
      for (const id of s.bb.state.orderIds()) {
        expect(canadaPost().state.labelsFor(id)).toHaveLength(1);
        expect(s.bb.state.shipCalls(id)).toHaveLength(1);
      }
    } finally {
      canadaPost().faults.clear();
      await s.done();
    }
  }, 60_000);

  test("3: the database cannot be reached, said in one sentence", async () => {
    const dir = tempDir("cli-nodb");
    dirs.push(dir);
    const run = await runCli(["--auto"], { env: { DATABASE_URL: "postgres://postgres:s3cret@127.0.0.1:1/nowhere" }, cwd: dir.path });
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toMatch(/^Cannot reach the database at postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:1\/nowhere: check that PostgreSQL is running/);
    expect(run.stderr).not.toContain("s3cret");
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("the command line", () => {
  test("--version and --help answer at once without settings or a database", async () => {
    const dir = tempDir("cli-help");
    dirs.push(dir);
    const version = await runCli(["--version"], { cwd: dir.path, env: { DATABASE_URL: "postgres://127.0.0.1:1/x" } });
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^shipdesk \d+\.\d+\.\d+\n$/);
    const help = await runCli(["ship", "--help"], { cwd: dir.path });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("shipdesk ship [--auto] [--retry ORDER");
    expect(help.stdout).toContain("3  Canada Post, Best Buy or the database could not be reached");
  });

  test("without a terminal and without --auto: exit 2 at once (no prompt left waiting), with the sentence", async () => {
    const dir = tempDir("cli-notty");
    dirs.push(dir);
    const run = await runCli([], { cwd: dir.path, stdin: "pipe" });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("shipdesk needs a terminal to ask questions; under Task Scheduler or in a script run shipdesk --auto instead.");
    expect(run.ms).toBeLessThan(10_000); // not a speed test: a waiting prompt would hang
  });
});

test("serve on a port already in use says so in one sentence, with the way out", async () => {
  const dir = tempDir("cli-port");
  dirs.push(dir);
  const busy = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response("taken") });
  try {
    const run = await runCli(["serve", "--port", String(busy.port)], {
      cwd: dir.path,
      env: { SHIPDESK_DATA_DIR: `${dir.path}/data`, CANADAPOST_BASE_URL: "http://127.0.0.1:9", BESTBUY_BASE_URL: "http://127.0.0.1:9" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Port ${busy.port} is already in use (perhaps by another shipdesk serve: try http://127.0.0.1:${busy.port}/ in the browser); or start this one on another port with shipdesk serve --port ${busy.port! + 1}.`,
    );
  } finally {
    busy.stop(true);
  }
}, 30_000);
