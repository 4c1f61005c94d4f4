import { afterAll, beforeAll, expect, test } from "bun:test";
import { formatStatus, statusReport } from "../../src/status/index.ts";
import { refusalFix } from "../../src/status/refusal-fix.ts";
import { lockShipment, unlockShipment } from "../../src/shipping/store.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import scene from "./scene.sql" with { type: "text" };
import unknownShipmentSql from "./unknown_shipment.sql" with { type: "text" };

let t: TestDatabase;
beforeAll(async () => {
  t = await freshServerDatabase("status");
  await t.db.exec(scene);
});
afterAll(async () => t.drop());

test("status lists everything that needs a person, each with the fix, and nothing else", async () => {
  const report = await statusReport(t.db);
  const byWho = Object.fromEntries(report.attention.map((a) => [a.orderId, a]));
  expect(Object.keys(byWho).sort()).toEqual([
    "ST-CANCELLED",
    "ST-FAILED",
    "ST-HEAVY",
    "ST-NODOWNLOAD",
    "ST-NOTSAVED-1",
    "ST-PROBLEM",
    "ST-UNKNOWN",
    "ST-VOIDED",
    "group 20200101",
    "groups 20200102",
  ]);
  expect(byWho["ST-PROBLEM"]!.fix).toContain("Correct the address in shipdesk: shipdesk address ST-PROBLEM --show");
  expect(byWho["ST-PROBLEM"]!.fix).toContain("review screen");
  expect(byWho["ST-PROBLEM"]!.fix).toContain("print page");
  expect(byWho["ST-PROBLEM"]!.fix).not.toMatch(/at Best Buy/);
  expect(byWho["ST-HEAVY"]!.fix).toContain("weight");
  expect(byWho["ST-FAILED"]!.reason).toContain("(1156)");
  // Canada Post's code 1156 says the address is the cause: that is the fix, then a retry.
  expect(byWho["ST-FAILED"]!.fix).toStartWith("Correct the address in shipdesk (shipdesk address ST-FAILED --show");
  expect(byWho["ST-FAILED"]!.fix).toContain("then buy it again: shipdesk ship --retry ST-FAILED");
  expect(byWho["ST-CANCELLED"]!.fix).toContain("shipdesk void ST-CANCELLED");
  // Two labels the labels folder would not take: one item, both orders, each PIN, the folder's fix.
  expect(byWho["ST-NOTSAVED-1"]).toMatchObject({ kind: "not_saved", orderIds: ["ST-NOTSAVED-1", "ST-NOTSAVED-2"], details: ["ST-NOTSAVED-1: PIN 7000000000000011", "ST-NOTSAVED-2: PIN 7000000000000012"] });
  expect(byWho["ST-NOTSAVED-1"]!.fix).toStartWith("Fix the labels folder as the reason says");
  expect(byWho["ST-NODOWNLOAD"]).toMatchObject({ kind: "not_saved", orderIds: ["ST-NODOWNLOAD"], details: ["ST-NODOWNLOAD: PIN 7000000000000013"] });
  expect(byWho["ST-NODOWNLOAD"]!.fix).toStartWith("Run shipdesk ship: it downloads the label again");
  expect(byWho["ST-UNKNOWN"]!.kind).toBe("unfinished");
  expect(byWho["ST-UNKNOWN"]!.fix).toContain("asks Canada Post whether this label exists");
  // Voided with the order still to ship: listed with both ways out; not once the order is cancelled.
  expect(byWho["ST-VOIDED"]).toMatchObject({ kind: "voided_no_label", details: ["ST-VOIDED: PIN 7000000000000021, voided: wrong box"] });
  expect(byWho["ST-VOIDED"]!.fix).toContain("shipdesk void ST-VOIDED --reship");
  expect(byWho["ST-VOIDED"]!.fix).toContain("cancel it in the Best Buy seller portal");
  expect(byWho["group 20200101"]!.reason).toContain("never transmitted");
  expect(byWho["group 20200101"]!.fix).toContain("shipdesk manifest");
  expect(byWho["groups 20200102"]!.fix).toContain("never transmits twice");
  expect(report.orders).toMatchObject({ accepted: 8, cancelled: 2, shipped: 2 });
  expect(report.shipments).toMatchObject({ label_failed: 1, tracking_updated: 2, label_creation_initiated: 4, voided: 2 });

  const text = formatStatus(report);
  expect(text).toContain("Needs a person (10):");
  expect(text).toContain("  ST-FAILED: Canada Post refused the label: Destination address line 1 is mandatory. (1156).\n    Fix: Correct the address in shipdesk");
  expect(text).toContain(
    "  2 orders (ST-NOTSAVED-1 and ST-NOTSAVED-2): label bought, not saved: The labels folder /x/labels is not a folder; point labels_dir at a folder (the label is paid for and kept at Canada Post, and the next run saves it).\n" +
      "    ST-NOTSAVED-1: PIN 7000000000000011; ST-NOTSAVED-2: PIN 7000000000000012\n    Fix: Fix the labels folder",
  );
  expect(text).toMatch(/auto \(auto\): exit 1; labels: 1 label\(s\) bought/);
});

test("a label being bought right now (its lock held by a running shipdesk) is not listed; the moment the lock goes, it is", async () => {
  const [row] = await t.db.query<{ shipment_id: number }>(unknownShipmentSql);
  const session = await t.db.reserve();
  try {
    expect(await lockShipment(session, row!.shipment_id)).toBe(true);
    expect((await statusReport(t.db)).attention.map((a) => a.orderId)).not.toContain("ST-UNKNOWN");
    await unlockShipment(session, row!.shipment_id);
    expect((await statusReport(t.db)).attention.map((a) => a.orderId)).toContain("ST-UNKNOWN");
  } finally {
    await session.release();
  }
});

test("a refused label's fix follows Canada Post's code: the service, the contract number, the address, or all three when unknown", () => {
  expect(refusalFix(["A"], "3000")).toStartWith("Choose a service Canada Post offers you: canadapost.service");
  expect(refusalFix(["A", "B"], "2550")).toStartWith("Set canadapost.contract_id in shipdesk.toml");
  expect(refusalFix(["A", "B"], "2550")).toContain("then buy them again: shipdesk ship --retry A --retry B");
  expect(refusalFix(["A"], "1153,1156")).toStartWith("Correct the address in shipdesk (shipdesk address A --show");
  expect(refusalFix(["A"], "missing_street")).toStartWith("Correct the address in shipdesk");
  expect(refusalFix(["A"], "7292")).toStartWith("Fix what Canada Post said: the address (shipdesk address A …");
  expect(refusalFix(["A"], null)).toContain("the service (shipdesk service A CODE) or a setting in shipdesk.toml");
});
