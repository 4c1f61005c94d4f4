import { afterEach, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/db/index.ts";
import { startShipdesk, type Terminal } from "./tmux.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };

// The real program in a real terminal: sandbox mode (no settings file), the embedded database,
// the built-in Canada Post and Best Buy sandboxes (Best Buy seeded with 8 SHIPPING orders).

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

beforeAll(() => {
  if (Bun.spawnSync(["tmux", "-V"]).exitCode !== 0) throw new Error("tmux is missing: apt-get install -y tmux");
});

/** Read after the program ended: the embedded folder is locked while it runs. */
async function shipmentsIn(dataDir: string) {
  const db = await openDatabase({ dataDir });
  try {
    return await db.query<{ order_id: string; status: string; weight_kg: number; tracking_pin: string | null; service_code: string; quoted_due: number | null; charged_due: number | null }>(shipmentsSql);
  } finally {
    await db.close();
  }
}

/** The order ids as the multiselect lists them, top to bottom. */
function listedOrders(screen: string): string[] {
  return [...screen.matchAll(/^│\s+[◼◻■□]\s+(\S+)/gmu)].map((m) => m[1]!);
}

describe("the interactive program in a terminal", () => {
  test("sync, leave one order out, change a weight, confirm: labels for exactly the confirmed orders, at the typed weight", async () => {
    const t = (term = startShipdesk("ship"));
    const first = await t.waitFor("Orders to buy labels for", 30_000);
    expect(first).toContain("SANDBOX");
    expect(first).toContain("orders: 8 new");
    expect(first).toMatch(/Order\s+Name\s+City\s+Service\s+Price\s+Arrives\s+Weight/);
    expect(first).toMatch(/DOM\.[A-Z]{2}\s+\$\d+\.\d\d\s+\d{4}-\d\d-\d\d/); // each order's service, price and delivery date
    const orders = listedOrders(first);
    expect(orders).toHaveLength(8);
    const [kept, leftOut, changed] = [orders[0]!, orders[1]!, orders[2]!];

    t.keys("Down", "Space", "Enter");
    await t.waitFor(`left out: ${leftOut}`);
    await t.waitFor("◆  Change an order's address, weight or service before buying?");
    t.keys("Down", "Enter");
    await t.waitFor("◆  Which order?");
    t.keys("Down", "Down", "Enter");
    await t.waitFor(`◆  Change what for ${changed}?`);
    t.keys("Down", "Enter"); // Address, then Weight
    await t.waitFor(`◆  Weight of the parcel for ${changed}, in kg`);
    t.type("31");
    t.keys("Enter");
    await t.waitFor("at most 30 kg in one parcel");
    t.keys("BSpace", "BSpace");
    t.type("2.75");
    t.keys("Enter");
    const next = await t.waitFor(/◆  (Save 2\.75 kg|Change an order's address, weight or service)/);
    if (next.includes("Save 2.75 kg")) t.keys("Enter"); // the default: this order only
    await t.waitFor(`Saved 2.75 kg on order ${changed}.`);
    await t.waitFor("◆  Change an order's address, weight or service before buying?");
    t.keys("Enter");
    const confirm = await t.waitFor(/◆  Buy 7 labels for \$\d+\.\d\d \(taxes included\) from Canada Post \(SANDBOX\)\?/);
    const total = Number(/Buy 7 labels for \$(\d+\.\d\d)/.exec(confirm)![1]);
    t.keys("Enter");

    const done = await t.waitFor("◆  Send the tracking numbers to Best Buy now", 30_000);
    expect(done).toContain("Done: labels: 7 label(s) bought");
    expect(done).toContain("7 label(s) bought and saved: ");
    t.keys("Enter");
    const tracked = await t.waitFor("◆  Open the label page to print the labels?", 30_000);
    expect(tracked).toContain("tracking: 7 order(s) shipped at Best Buy");
    t.keys("Enter");
    const page = await t.waitFor("◆  Press Enter when you are done printing");
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(page)![0];
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(kept);
    t.keys("Enter");
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain("All done.");

    const rows = await shipmentsIn(t.dataDir);
    expect(rows.map((r) => r.order_id).sort()).toEqual(orders.filter((o) => o !== leftOut).sort());
    expect(rows.find((r) => r.order_id === changed)!.weight_kg).toBe(2.75);
    // The batch cost what the confirm said, the changed order priced at its new weight.
    expect(rows.reduce((sum, r) => sum + r.charged_due!, 0)).toBeCloseTo(total, 2);
    for (const r of rows) expect(r.charged_due).toBe(r.quoted_due);
    for (const r of rows) {
      expect(r.tracking_pin).toBeTruthy();
      expect(r.status).toBe("tracking_updated");
    }
  }, 90_000);

  test("Ctrl-C at the confirm buys nothing and says so", async () => {
    const t = (term = startShipdesk("stop"));
    await t.waitFor("Orders to buy labels for", 30_000);
    t.keys("Enter");
    await t.waitFor("◆  Change an order's address, weight or service before buying?");
    t.keys("Enter");
    await t.waitFor(/◆  Buy 8 labels for \$\d+\.\d\d \(taxes included\) from Canada Post \(SANDBOX\)\?/);
    t.keys("C-c");
    await t.waitFor("Stopped: nothing was bought.");
    expect(await t.exitCode()).toBe(0);
    expect(t.history()).not.toContain("label(s) bought");
    expect(await shipmentsIn(t.dataDir)).toEqual([]);
  }, 60_000);

  test("Esc at the list of orders buys nothing and says so", async () => {
    const t = (term = startShipdesk("esc"));
    await t.waitFor("Orders to buy labels for", 30_000);
    t.keys("Escape");
    await t.waitFor("Stopped: nothing was bought.");
    expect(await t.exitCode()).toBe(0);
    expect(await shipmentsIn(t.dataDir)).toEqual([]);
  }, 60_000);

  test("a labels folder that cannot take a label: said before the batch is shown, exit 2, nothing bought", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "shipdesk-tui-labels-"));
    try {
      const file = join(elsewhere, "labels");
      writeFileSync(file, "a file, not a folder");
      const t = (term = startShipdesk("labels-file", { SHIPDESK_LABELS_DIR: file }));
      const screen = await t.waitFor("nothing was bought.", 30_000);
      expect(screen).toContain(`The labels folder ${file} is a file, not a folder; move that file away, or point the environment variable SHIPDESK_LABELS_DIR at a folder`);
      expect(screen).not.toContain("Orders to buy labels for");
      expect(await t.exitCode()).toBe(2);
      expect(await shipmentsIn(t.dataDir)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("without a terminal", () => {
  test("piped stdin without --auto exits 2 at once (no prompt left waiting) with the sentence", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "shipdesk-tui-pipe-"));
    try {
      const started = performance.now();
      const child = Bun.spawn([process.execPath, join(import.meta.dir, "../../src/cli.ts")], {
        cwd,
        stdin: Bun.file("/dev/null"),
        stdout: "pipe",
        stderr: "pipe",
        env: { PATH: process.env.PATH ?? "", HOME: cwd, SHIPDESK_DATA_DIR: join(cwd, "data") },
      });
      const code = await child.exited;
      const elapsed = performance.now() - started;
      expect(code).toBe(2);
      expect(await new Response(child.stderr).text()).toContain("shipdesk needs a terminal to ask questions; under Task Scheduler or in a script run shipdesk --auto instead.");
      // Not a speed test: a prompt waiting for input would hang until the 30 s test timeout.
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
