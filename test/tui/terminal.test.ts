import { afterEach, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/db/index.ts";
import { labelFileIsGood } from "../../src/labels/index.ts";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { runCli } from "../cli/run-cli.ts";
import { deskFolders, moveTo, startShipdesk, type Terminal } from "./tmux.ts";
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
    return await db.query<{ order_id: string; status: string; weight_kg: number; tracking_pin: string | null; service_code: string; quoted_due: number | null; charged_due: number | null; label_pdf_path: string | null }>(shipmentsSql);
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
    expect(first).toMatch(/Order\s+Ships by\s+Service\s+Price\s+Name\s+City\s+Arrives\s+Weight/);
    expect(first).toMatch(/DOM\.[A-Z]{2}\s+\$\d+\.\d\d\s+.+\s+\d{4}-\d\d-\d\d\s+\d+(\.\d+)? kg/); // each order's service, price and delivery date
    const orders = listedOrders(first);
    expect(orders).toHaveLength(8);
    const [kept, leftOut, changed] = [orders[0]!, orders[1]!, orders[2]!];

    t.keys("Down", "Space", "Enter");
    await t.waitFor(`left out: ${leftOut}`);
    await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
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
    await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
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
    await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
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
      // The desk's last line is wrapped between words under itself: read it as one.
      const screen = (await t.waitFor("nothing was bought.", 30_000)).replace(/\n {3}/g, " ");
      expect(screen).toContain(`The labels folder ${file} is a file, not a folder; move that file away, or point the environment variable SHIPDESK_LABELS_DIR at a folder`);
      expect(screen).not.toContain("Orders to buy labels for");
      expect(await t.exitCode()).toBe(2);
      expect(await shipmentsIn(t.dataDir)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("Ctrl-C while labels are being bought (Canada Post slowed to 1.5 s a label)", () => {
  let cp: RunningCanadaPostSandbox;
  let bb: RunningBestBuySandbox;
  beforeEach(() => {
    cp = startCanadaPostSandbox();
    cp.faults.setLatency("CreateShipment", 1500);
    bb = startBestBuySandbox({ orders: 8, seed: 81 });
  });
  afterEach(async () => {
    await cp.stop();
    await bb.stop();
  });

  /** To the confirm and past it: 8 labels asked for, 4 at a time. */
  async function startBuying(t: Terminal): Promise<void> {
    await t.waitFor("Orders to buy labels for", 60_000);
    t.keys("Enter");
    await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
    t.keys("Enter");
    await t.waitFor(/◆  Buy 8 labels for \$\d+\.\d\d \(taxes included\) from Canada Post \(SANDBOX\)\?/);
    t.keys("Enter");
    await t.waitFor("/8 bought");
    for (let i = 0; cp.state.callsTo("CreateShipment") === 0; i++) {
      if (i > 200) throw new Error(`no label was asked for; the screen:\n${t.history()}`);
      await Bun.sleep(20);
    }
  }

  test("the first Ctrl-C finishes the labels already asked for (saved, label_created), shows the summary, and exits 3", async () => {
    const t = (term = startShipdesk("ctrlc-once", { CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url }));
    await startBuying(t);
    t.keys("C-c");
    await t.waitFor("Ctrl-C: finishing the labels already asked for");
    expect(await t.exitCode(30_000)).toBe(3);
    const history = t.history();
    expect(history).toMatch(/Done: labels: [1-7] label\(s\) bought for \$\d+\.\d\d/);
    expect(history).toMatch(/Stopped before [1-7] label\(s\) were asked for \(nothing bought for them\)/);
    expect(history).toContain("Stopped after the labels already asked for");

    const rows = await shipmentsIn(t.dataDir);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(8);
    // Every label Canada Post sold is bought, saved and on record; none is left half-way.
    expect(cp.state.createCount).toBe(rows.length);
    for (const r of rows) {
      expect(r.status).toBe("label_created");
      expect(labelFileIsGood(r.label_pdf_path, null)).toBe(true);
    }
  }, 90_000);

  test("a second Ctrl-C stops at once (exit 3); status lists what was under way at once, and the next run finishes it buying nothing twice", async () => {
    const t = (term = startShipdesk("ctrlc-twice", { CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url }));
    await startBuying(t);
    t.keys("C-c");
    await t.waitFor("Ctrl-C: finishing the labels already asked for");
    t.keys("C-c");
    await t.waitFor("Ctrl-C again: stopping now");
    expect(await t.exitCode(15_000)).toBe(3);
    const env = { SHIPDESK_DATA_DIR: t.dataDir, SHIPDESK_LABELS_DIR: t.labelsDir, CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url };
    const cwd = join(t.dataDir, "..");

    // The embedded database was closed properly (its lock released): status opens it at once.
    const left = (await shipmentsIn(t.dataDir)).filter((r) => r.status === "label_creation_initiated");
    expect(left.length).toBeGreaterThan(0);
    const status = await runCli(["status"], { env, cwd });
    expect(status.code).toBe(1);
    for (const r of left) expect(status.stdout).toContain(r.order_id);
    expect(status.stdout).toContain("Run shipdesk ship: it first asks Canada Post whether this label exists");

    // Canada Post finishes a request it received even when the sender is gone; the next run comes
    // after that (in real life, minutes later), so it finds those labels instead of buying them.
    for (let i = 0; cp.state.createCount < cp.state.callsTo("CreateShipment"); i++) {
      if (i > 250) throw new Error("the sandbox never finished the labels asked for");
      await Bun.sleep(20);
    }
    const next = await runCli(["ship"], { env, cwd });
    expect(next.code).toBe(0);
    const rows = await shipmentsIn(t.dataDir);
    expect(rows.map((r) => r.status).filter((x) => x !== "label_created")).toEqual([]);
    for (const id of bb.state.orderIds()) {
      if (rows.some((r) => r.order_id === id)) expect(cp.state.labelsFor(id)).toHaveLength(1);
    }
    expect(cp.state.createCount).toBe(rows.length);
  }, 90_000);
});

describe("a label Canada Post refused, in the desk", () => {
  let cp: RunningCanadaPostSandbox;
  let bb: RunningBestBuySandbox;
  beforeEach(() => {
    cp = startCanadaPostSandbox();
    bb = startBestBuySandbox({ orders: 1, seed: 82 });
  });
  afterEach(async () => {
    await cp.stop();
    await bb.stop();
  });

  test("is listed with Canada Post's words and left out; its service changed there, it joins the batch and is bought with it; the desk ends as status does", async () => {
    const [id] = bb.state.orderIds();
    const folders = deskFolders("refused");
    const env = { SHIPDESK_DATA_DIR: folders.dataDir, SHIPDESK_LABELS_DIR: folders.labelsDir, CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url };
    const cwd = folders.cwd;
    // The first run is a plain one: Canada Post refuses the label for its service.
    expect((await runCli(["orders", "sync"], { env, cwd })).code).toBe(0);
    cp.faults.inject("CreateShipment", { kind: "status", status: 400, contentType: "application/vnd.cpc.shipment-v8+xml", body: '<?xml version="1.0" encoding="UTF-8"?><messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>3000</code><description>Service DOM.EP is not available for this contract.</description></message></messages>' });
    expect((await runCli(["ship"], { env, cwd })).code).toBe(1);

    const desk = (term = startShipdesk("refused", { CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url }, folders));
    const first = await desk.waitFor("Orders to buy labels for", 60_000);
    expect(desk.history()).toContain(`! ${id}: Canada Post refused the label: Service DOM.EP is not available for this contract. (3000).`);
    expect(first).toContain("1 refused or voided before, left out until you put it in.");
    desk.keys("Enter");
    await desk.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
    desk.keys("Down", "Enter");
    await desk.waitFor("◆  Which order?");
    desk.keys("Enter");
    await desk.waitFor(`◆  Change what for ${id}?`);
    await moveTo(desk, "Service");
    desk.keys("Enter");
    await desk.waitFor(`◆  Canada Post service for ${id}`);
    await moveTo(desk, "DOM.RP");
    desk.keys("Enter");
    // Regular Parcel may arrive after this order's promise: then the desk asks once first.
    const next = await desk.waitFor(/Choose it anyway\?|will ship DOM\.RP/);
    if (next.includes("Choose it anyway?")) desk.keys("Left", "Enter");
    await desk.waitFor(`Order ${id} will ship DOM.RP (Regular Parcel)`);
    await desk.waitFor("[in the batch, refused before]");
    await desk.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
    desk.keys("Enter");
    await desk.waitFor(/◆  Buy 1 label for \$\d+\.\d\d \(taxes included\) from Canada Post \(SANDBOX\)\?/);
    desk.keys("Enter");
    await desk.waitFor("◆  Send the tracking numbers to Best Buy now", 30_000);
    const [label] = cp.state.activeLabelsFor(id!);
    expect(label!.serviceCode).toBe("DOM.RP");
    expect(desk.history()).toContain(`Done: labels: 1 label(s) bought for $${label!.price!.due.toFixed(2)} (taxes included)`);
    desk.keys("Enter");
    await desk.waitFor("◆  Open the label page to print the labels?", 30_000);
    desk.keys("Right", "Enter");
    expect(await desk.exitCode(30_000)).toBe(0);
    expect(desk.screen()).toContain("All done.");
    expect((await shipmentsIn(folders.dataDir)).map((r) => [r.order_id, r.status, r.service_code])).toEqual([[id!, "tracking_updated", "DOM.RP"]]);
  }, 90_000);
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
