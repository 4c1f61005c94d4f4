// A database that forgot the day's labels (the data folder restored from a morning backup, or
// moved aside after damage and started afresh) while the labels folder still has them: the next
// run finds each order's label at Canada Post by its request id and adopts it, buying none again.
// An order voided and shipped again, whose old label file is still there, gets its one new label.
import { beforeAll, expect, test } from "bun:test";
import { existsSync, readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { stopHost } from "../../src/db/host/file.ts";
import { embeddedFolder } from "../../src/db/index.ts";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { canadaPostForFile, cliScene } from "../support/cli-scene.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };

const ORDERS = 6;
const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

test("the data folder started afresh after the labels were bought: the next --auto adopts every label from Canada Post, buys none, and ships every order", async () => {
  const s = await cliScene("forgotten", "embedded", cp, { orders: ORDERS, seed: 131 });
  try {
    expect((await s.cli("orders", "sync")).code).toBe(0);
    expect((await s.cli("ship")).code).toBe(0);
    const ids = [...s.bb.state.orderIds()];
    const pins = new Map(ids.map((id) => [id, cp.state.activeLabelsFor(id)[0]!.trackingPin]));
    expect(readdirSync(s.labelsDir).filter((f) => f.endsWith(".pdf"))).toHaveLength(ORDERS);

    // The clerk moves the damaged folder aside, as the README says; the next run starts afresh.
    await stopHost(embeddedFolder(s.dataDir));
    renameSync(embeddedFolder(s.dataDir), join(s.dataDir, "db-damaged"));
    const next = await s.cli("--auto");
    expect(next.code, next.stdout.slice(-1500)).toBe(0);
    expect(existsSync(embeddedFolder(s.dataDir))).toBe(true);
    for (const id of ids) {
      expect(cp.state.labelsFor(id).length, `labels bought for ${id}`).toBe(1);
    }
    const rows = await s.query<{ order_id: string; status: string; tracking_pin: string }>(shipmentsSql);
    expect(rows.map((r) => r.status)).toEqual(Array(ORDERS).fill("tracking_updated"));
    for (const r of rows) expect(r.tracking_pin).toBe(pins.get(r.order_id)!);
  } finally {
    await s.done();
  }
}, 120_000);

test("a label voided and the order shipped again, its old label file still in the folder: one new label, not an adoption of the voided one", async () => {
  const s = await cliScene("forgotten_void", "embedded", cp, { orders: 2, seed: 137 });
  try {
    expect((await s.cli("orders", "sync")).code).toBe(0);
    expect((await s.cli("ship")).code).toBe(0);
    const [id] = [...s.bb.state.orderIds()].sort();
    const old = cp.state.activeLabelsFor(id!)[0]!.trackingPin;
    expect((await s.cli("void", id!, "--reship")).code).toBe(0);
    expect(readdirSync(s.labelsDir).some((f) => f.includes(old))).toBe(true);
    expect((await s.cli("ship")).code).toBe(0);
    expect(cp.state.labelsFor(id!)).toHaveLength(2);
    const [active] = cp.state.activeLabelsFor(id!);
    expect(active!.trackingPin).not.toBe(old);
    const row = (await s.query<{ order_id: string; status: string; tracking_pin: string }>(shipmentsSql)).find((r) => r.order_id === id)!;
    expect(row).toMatchObject({ status: "label_created", tracking_pin: active!.trackingPin });
  } finally {
    await s.done();
  }
}, 120_000);
