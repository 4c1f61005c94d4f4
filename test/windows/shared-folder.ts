// Under Wine: the print page open on the embedded folder while two --auto run at once and status
// loops (none is turned away with "in use"), one label per order; then the folder's host is
// killed in the middle of a third run, and the next run recovers buying nothing twice.
import { expect, test } from "bun:test";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { userInfo } from "node:os";
import { startBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { freePort } from "../support/throwaway-cluster.ts";
import { waitForPage } from "../support/print-page.ts";
import { linuxPath, runWine, startWine, WINE, wineEnv, windowsHostFile, type WineRun } from "./wine.ts";

const ORDERS = 20;

export function sharedFolderOnWindows(exe: () => string, timings: string[]): void {
  test(`the print page open: two --auto at once over ${ORDERS} orders and status in a loop, never exit 3; the host killed mid-run loses nothing`, async () => {
    const base = `C:\\users\\${userInfo().username}\\Shared Desk`;
    rmSync(linuxPath(base), { recursive: true, force: true });
    mkdirSync(linuxPath(base), { recursive: true });
    const cp = startCanadaPostSandbox();
    const bb = startBestBuySandbox({ orders: ORDERS, seed: 57 });
    const port = freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { SHIPDESK_DATA_DIR: `${base}\\data`, SHIPDESK_LABELS_DIR: `${base}\\labels`, CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url };
    const cwd = linuxPath(base);
    const serve = startWine(exe(), ["serve", "--port", String(port)], { cwd, env });
    const started = performance.now();
    try {
      await waitForPage(url, 120_000);
      let looping = true;
      const statuses: WineRun[] = [];
      const loop = (async () => {
        while (looping) statuses.push(await runWine(exe(), ["status"], { cwd, env }));
      })();
      const runs = await Promise.all([runWine(exe(), ["--auto"], { cwd, env }), runWine(exe(), ["--auto"], { cwd, env })]);
      looping = false;
      await loop;
      timings.push(`two --auto over ${ORDERS} orders with the print page open: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const run of [...runs, ...statuses]) {
        expect(run.stdout + run.stderr).not.toContain("in use");
        expect([0, 1]).toContain(run.code);
      }
      for (const id of bb.state.orderIds()) expect(cp.state.labelsFor(id)).toHaveLength(1);
      const page = await (await fetch(`${url}/`)).text();
      for (const id of bb.state.orderIds()) expect(page).toContain(id);

      for (let i = 0; i < 10; i++) bb.state.addSeededOrder();
      const bought = cp.state.callsTo("CreateShipment");
      const third = startWine(exe(), ["--auto"], { cwd, env });
      while (cp.state.callsTo("CreateShipment") < bought + 2) await Bun.sleep(5);
      const host = windowsHostFile(join(cwd, "data", "db"))!;
      Bun.spawnSync([WINE, "taskkill", "/F", "/PID", String(host.pid)], { env: wineEnv() });
      expect([0, 1, 3]).toContain(await third.exited);
      const next = await runWine(exe(), ["--auto"], { cwd, env });
      expect([0, 1]).toContain(next.code);
      for (const id of bb.state.orderIds()) expect(cp.state.labelsFor(id)).toHaveLength(1);
      expect(bb.state.orderIds()).toHaveLength(ORDERS + 10);
    } finally {
      serve.kill();
      await serve.exited;
      await cp.stop();
      await bb.stop();
    }
  }, 600_000);
}
