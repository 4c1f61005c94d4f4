import { afterAll, beforeAll, expect, test } from "bun:test";
import { formatStatus, statusReport } from "../../src/status/report.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import scene from "./scene.sql" with { type: "text" };

let t: TestDatabase;
beforeAll(async () => {
  t = await freshServerDatabase("status");
  await t.db.exec(scene);
});
afterAll(async () => t.drop());

test("status lists everything that needs a person, each with the fix, and nothing else", async () => {
  const report = await statusReport(t.db);
  const byWho = Object.fromEntries(report.attention.map((a) => [a.orderId, a]));
  expect(Object.keys(byWho).sort()).toEqual(["ST-CANCELLED", "ST-FAILED", "ST-HEAVY", "ST-PROBLEM", "group 20200101", "groups 20200102"]);
  expect(byWho["ST-PROBLEM"]!.fix).toContain("Correct the address in shipdesk: shipdesk address ST-PROBLEM --show");
  expect(byWho["ST-PROBLEM"]!.fix).toContain("review screen");
  expect(byWho["ST-PROBLEM"]!.fix).toContain("print page");
  expect(byWho["ST-PROBLEM"]!.fix).not.toMatch(/at Best Buy/);
  expect(byWho["ST-HEAVY"]!.fix).toContain("weight");
  expect(byWho["ST-FAILED"]!.reason).toContain("(1156)");
  expect(byWho["ST-FAILED"]!.fix).toBe("Fix what Canada Post said (an address is corrected with shipdesk address ST-FAILED, or the form on the print page's Needs attention), then run shipdesk ship --retry ST-FAILED.");
  expect(byWho["ST-CANCELLED"]!.fix).toContain("shipdesk void ST-CANCELLED");
  expect(byWho["group 20200101"]!.reason).toContain("never transmitted");
  expect(byWho["group 20200101"]!.fix).toContain("shipdesk manifest");
  expect(byWho["groups 20200102"]!.fix).toContain("never transmits twice");
  expect(report.orders).toMatchObject({ accepted: 3, cancelled: 1, shipped: 2 });
  expect(report.shipments).toMatchObject({ label_failed: 1, tracking_updated: 2 });

  const text = formatStatus(report);
  expect(text).toContain("Needs a person (6):");
  expect(text).toContain("Fix: Fix what Canada Post said (an address is corrected with shipdesk address ST-FAILED, or the form on the print page's Needs attention), then run shipdesk ship --retry ST-FAILED.");
  expect(text).toMatch(/auto \(auto\): exit 1; labels: 1 label\(s\) bought/);
});
