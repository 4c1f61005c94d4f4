// Several shipdesk processes on one embedded data folder at once, as in a warehouse: the print
// page open all day, Task Scheduler's runs, and status. None of them is turned away with
// "in use"; the label claims stay exclusive across processes; the host killed with kill -9 in
// the middle of a run loses nothing and buys nothing twice.
import { beforeAll, expect, test } from "bun:test";
import { readHostFile } from "../../src/db/host/file.ts";
import { embeddedFolder } from "../../src/db/index.ts";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { canadaPostForFile, cliScene, type CliScene } from "../support/cli-scene.ts";
import type { CliRun } from "./run-cli.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };
import { freePort } from "../support/throwaway-cluster.ts";
import { waitForPage } from "../support/print-page.ts";

const ORDERS = 100;
const MORE = 30;
const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

/** Exit 0 or 1 as the work says: never 3 (in use, unreachable), never a crash. */
function expectDone(run: CliRun, what: string) {
  if (run.code > 1) throw new Error(`${what} exited ${run.code}: ${run.stderr}${run.stdout.slice(-500)}`);
  expect(run.stderr).not.toContain("in use");
}

async function expectOneLabelEach(s: CliScene, count: number) {
  const ids = s.bb.state.orderIds();
  expect(ids.length).toBe(count);
  for (const id of ids) expect(cp.state.labelsFor(id).length, `labels bought for ${id}`).toBe(1);
  const rows = await s.query(shipmentsSql);
  expect(rows.length).toBe(count);
  expect(rows.filter((r) => r.tracking_pin && ["label_created", "tracking_updated"].includes(r.status)).length).toBe(count);
}

test(`the print page open; two --auto at once over ${ORDERS} orders and status in a loop; then the host killed -9 mid-run`, async () => {
  const s = await cliScene("shared", "embedded", cp, { orders: ORDERS, seed: 93 });
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const serve = s.spawn("serve", "--port", String(port));
  try {
    await waitForPage(url, 30_000);
    let looping = true;
    const statuses: CliRun[] = [];
    const loop = (async () => {
      while (looping) statuses.push(await s.cli("status"));
    })();
    const runs = await Promise.all([s.cli("--auto"), s.cli("--auto")]);
    looping = false;
    await loop;
    runs.forEach((r, i) => expectDone(r, `--auto ${i + 1}`));
    expect(statuses.length).toBeGreaterThan(0);
    statuses.forEach((r, i) => expectDone(r, `status ${i + 1}`));
    await expectOneLabelEach(s, ORDERS);
    // The page, open since before the runs, lists every label bought by them.
    const page = await (await fetch(`${url}/`)).text();
    for (const id of s.bb.state.orderIds()) expect(page).toContain(id);

    // A third run over new orders; its host is killed with kill -9 once it has bought some.
    for (let i = 0; i < MORE; i++) s.bb.state.addSeededOrder();
    const bought = cp.state.callsTo("CreateShipment");
    const third = s.spawn("--auto");
    const deadline = Date.now() + 60_000;
    while (cp.state.callsTo("CreateShipment") < bought + 5 && Date.now() < deadline) await Bun.sleep(5);
    const host = readHostFile(embeddedFolder(s.dataDir))!;
    process.kill(host.pid, "SIGKILL");
    const killed = await third.done;
    expect([0, 1, 3]).toContain(killed.code); // 3 when the host died under one of its steps: the next run picks up
    const next = await s.cli("--auto");
    expectDone(next, "the run after the kill");
    await expectOneLabelEach(s, ORDERS + MORE);
    const after = await (await fetch(`${url}/`)).text(); // the print page found the new host by itself
    for (const id of s.bb.state.orderIds()) expect(after).toContain(id);
  } finally {
    serve.kill();
    await serve.done;
    await s.done();
  }
}, 300_000);
