import { beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { labelFileIsGood } from "../../src/labels/index.ts";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { canadaPostForFile, cliScene, DATABASE_KINDS, summaryOf } from "../support/cli-scene.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };
import createCallsSql from "./create_calls.sql" with { type: "text" };
import ageCreateSentSql from "../support/age_create_sent.sql" with { type: "text" };

// Status tells the truth at once: a label bought but not saved, or one left half-way by a run
// that stopped, is listed by `shipdesk status` the moment that run ends, with the one fix that
// applies; labels sharing a cause (the labels folder) are said once, with every order and PIN.

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

const pdfsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")) : []);
/** Until Canada Post has been asked for a label. */
async function createAsked(): Promise<void> {
  for (let i = 0; cp.state.callsTo("CreateShipment") === 0; i++) {
    if (i > 1500) throw new Error("Create Shipment was never asked for");
    await Bun.sleep(10);
  }
}

const soldTotal = () => Math.round([...cp.state.shipments.values()].reduce((sum, s) => sum + (s.price?.due ?? 0), 0) * 100) / 100;

for (const kind of DATABASE_KINDS) {
  describe(`on the ${kind} database`, () => {
    test("the labels folder becomes a file once buying started: every label bought is listed at once as bought, not saved, with its PIN and the folder's fix; fixed, the next run saves them without buying again", async () => {
      const s = await cliScene("folder_file", kind, cp, { orders: 8, seed: 51 });
      try {
        const ids = [...s.bb.state.orderIds()].sort();
        expect((await s.cli("orders", "sync")).code).toBe(0);
        // Whatever shipdesk checked before buying, the folder goes once the first label is asked
        // for, before Canada Post answers it (the clerk moves it away and leaves a file of its name).
        cp.faults.setLatency("CreateShipment", 400);
        const run = s.spawn("ship");
        await createAsked();
        rmSync(s.labelsDir, { recursive: true, force: true });
        writeFileSync(s.labelsDir, "not a folder");
        const first = await run.done;
        cp.faults.clear();
        expect(first.code).toBe(1);
        expect(cp.state.createCount).toBe(8);
        // Eight labels were paid for: the summary says so, with what they cost, and why none is saved.
        expect(summaryOf(first.stdout)).toContain(`labels: 8 label(s) bought for $${soldTotal().toFixed(2)} (taxes included), 8 label(s) bought but not saved: The labels folder ${s.labelsDir} is not a folder`);

        const status = await s.cli("status");
        expect(status.code).toBe(1);
        expect(status.stdout).toContain("Needs a person (1):");
        expect(status.stdout).toContain(`  8 orders (${ids.slice(0, -1).join(", ")} and ${ids.at(-1)}): label bought, not saved: The labels folder ${s.labelsDir} is not a folder;`);
        for (const row of await s.query(shipmentsSql)) expect(status.stdout).toContain(`${row.order_id}: PIN ${row.tracking_pin}`);
        expect(status.stdout).toContain("Fix: Fix the labels folder as the reason says");

        rmSync(s.labelsDir);
        const second = await s.cli("ship");
        expect(second.code).toBe(0);
        expect(summaryOf(second.stdout)).toContain("0 label(s) bought, 8 finished from an earlier run");
        expect(cp.state.createCount).toBe(8);
        const rows = await s.query(shipmentsSql);
        expect(rows.map((r) => r.status)).toEqual(Array(8).fill("label_created"));
        for (const r of rows) expect(labelFileIsGood(r.label_pdf_path, null)).toBe(true);
        expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");
      } finally {
        await s.done();
      }
    }, 90_000);

    test("a label left half-way by a run that stopped is listed at once with its fix, and the next run finishes it buying once", async () => {
      const s = await cliScene("stopped_run", kind, cp, { orders: 1, seed: 52 });
      try {
        const [id] = s.bb.state.orderIds();
        expect((await s.cli("orders", "sync")).code).toBe(0);
        cp.faults.inject("CreateShipment", { kind: "hang" });
        const run = s.spawn("ship");
        await createAsked();
        run.kill("SIGKILL");
        await run.done;
        await s.killedRunGone();

        const status = await s.cli("status");
        expect(status.code).toBe(1);
        expect(status.stdout).toContain(`  ${id}: A label was requested and no answer was recorded (a run stopped, or the reply was lost).`);
        expect(status.stdout).toContain("Fix: Run shipdesk ship: it first asks Canada Post whether this label exists");

        cp.faults.clear();
        // Canada Post may still be making the label it was asked for a moment ago (it finishes a
        // request whose sender is gone): an empty search now proves nothing, so nothing is bought.
        await s.query(ageCreateSentSql, [1_000]);
        const soon = await s.cli("ship");
        expect(summaryOf(soon.stdout)).toContain("1 waiting for Canada Post");
        expect(soon.stdout).toContain("may still be making it; nothing is bought until it has had time to answer");
        expect(cp.state.callsTo("CreateShipment")).toBe(1);
        expect(cp.state.labelsFor(id!)).toHaveLength(0);

        // Twice the request's timeout later, Canada Post's "none" is believed: bought once.
        await s.query(ageCreateSentSql, [60_001]);
        const next = await s.cli("ship");
        expect(next.code).toBe(0);
        expect(summaryOf(next.stdout)).toContain("1 finished from an earlier run");
        expect(cp.state.labelsFor(id!)).toHaveLength(1);
        expect((await s.query(shipmentsSql)).map((r) => r.status)).toEqual(["label_created"]);
        expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");
      } finally {
        await s.done();
      }
    }, 90_000);
  });
}

for (const kind of DATABASE_KINDS) {
  test(`30 labels on the ${kind} database, the labels folder replaced by a file half-way: each label bought is saved or listed as bought, not saved, with its PIN; the folder put back, the next run saves every one without buying again`, async () => {
      const s = await cliScene("folder_halfway", kind, cp, { orders: 30, seed: 53 });
    try {
      expect((await s.cli("orders", "sync")).code).toBe(0);
      mkdirSync(s.labelsDir);
      // Slow enough that 20 labels are still to come when the folder goes, on a busy machine too.
      cp.faults.setLatency("CreateShipment", 400);
      const run = s.spawn("ship");
      for (let i = 0; pdfsIn(s.labelsDir).length < 10; i++) {
        if (i > 1500) throw new Error("the labels were not being saved");
        await Bun.sleep(10);
      }
      // As a clerk who moves the folder away and leaves a file of that name.
      renameSync(s.labelsDir, `${s.labelsDir}-moved`);
      writeFileSync(s.labelsDir, "not a folder");
      const first = await run.done;
      expect(first.code).toBe(1);
      expect(cp.state.createCount).toBe(30);

      const rows = await s.query(shipmentsSql);
      expect(rows).toHaveLength(30);
      const saved = rows.filter((r) => r.status === "label_created");
      const unsaved = rows.filter((r) => r.status === "label_creation_initiated");
      expect(saved.length).toBeGreaterThanOrEqual(10);
      expect(unsaved.length).toBeGreaterThan(0);
      expect(saved.length + unsaved.length).toBe(30);
      for (const r of saved) expect(existsSync(r.label_pdf_path.replace(s.labelsDir, `${s.labelsDir}-moved`))).toBe(true);
      expect(summaryOf(first.stdout)).toContain(`labels: 30 label(s) bought for $${soldTotal().toFixed(2)} (taxes included), ${unsaved.length} label(s) bought but not saved: The labels folder ${s.labelsDir} is not a folder`);

      const status = await s.cli("status");
      expect(status.code).toBe(1);
      expect(status.stdout).toContain("Needs a person (1):");
      expect(status.stdout).toContain(`  ${unsaved.length} orders (`);
      expect(status.stdout).toContain(`label bought, not saved: The labels folder ${s.labelsDir} is not a folder`);
      for (const r of unsaved) expect(status.stdout).toContain(`${r.order_id}: PIN ${r.tracking_pin}`);
      expect(status.stdout).toContain("Fix: Fix the labels folder as the reason says");

      rmSync(s.labelsDir);
      renameSync(`${s.labelsDir}-moved`, s.labelsDir);
      cp.faults.clear();
      const second = await s.cli("ship");
      expect(second.code).toBe(0);
      expect(summaryOf(second.stdout)).toContain(`0 label(s) bought, ${unsaved.length} finished from an earlier run`);
      expect(cp.state.createCount).toBe(30);
      expect(await s.query(createCallsSql)).toEqual([{ n: 30 }]);
      const after = await s.query(shipmentsSql);
      expect(after.map((r) => r.status)).toEqual(Array(30).fill("label_created"));
      for (const r of after) expect(labelFileIsGood(r.label_pdf_path, null)).toBe(true);
      expect(pdfsIn(s.labelsDir)).toHaveLength(30);
      expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");
    } finally {
      await s.done();
    }
  }, 120_000);
}
