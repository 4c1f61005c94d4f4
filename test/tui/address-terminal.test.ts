import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import { openDatabase } from "../../src/db/index.ts";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { moveTo, startShipdesk, type Terminal } from "./tmux.ts";
import addressRowsSql from "./address_rows.sql" with { type: "text" };

// The review screen's "Address", driven in a real terminal as the clerk would: an order whose
// only address line is a unit is listed with its problem and fix, corrected in place, and
// bought in the same sitting.

const UNIT_ONLY = "330000001-A";
let cp: RunningCanadaPostSandbox;
let bb: RunningBestBuySandbox;
let term: Terminal | undefined;

beforeAll(() => {
  if (Bun.spawnSync(["tmux", "-V"]).exitCode !== 0) throw new Error("tmux is missing: apt-get install -y tmux");
  cp = startCanadaPostSandbox();
  bb = startBestBuySandbox({
    seed: 33,
    orders: 0,
    specialOrders: [
      { orderId: UNIT_ONLY, address: { street_1: "", street_2: "Unit 9", city: "Toronto", state: "Ont.", zip_code: "M5V 3L9" } },
      { orderId: "330000002-A" },
      { orderId: "330000003-A", address: { state: "B.C.", city: "Vancouver", zip_code: "V6B 1A1", street_1: "1055 West Georgia Street, Suite 2500, Royal Centre, PO Box 11140" } },
    ],
  });
});
afterEach(() => {
  term?.close();
  term = undefined;
});
afterAll(async () => {
  await cp.stop();
  await bb.stop();
});

test("review screen: the unit-only order is listed with its fix; Address corrects it; the label is bought from the correction", async () => {
  const t = (term = startShipdesk("address", { CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url }));
  // The first start creates the embedded database: seconds, more on a busy machine.
  const first = await t.waitFor("Orders to buy labels for", 60_000);
  expect(first).toContain("2 can ship, 1 has problems to fix first");
  const history = t.history();
  expect(history).toContain('The address has no street, only "Unit 9"');
  expect(history).toContain(`! ${UNIT_ONLY}: The address has no street`);
  expect(history).toContain(`Fix: correct the address here: "Yes, change an order" > the order > Address`);

  t.keys("Enter");
  await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
  t.keys("Down", "Enter");
  await t.waitFor("◆  Which order?");
  await moveTo(t, UNIT_ONLY);
  t.keys("Enter");
  await t.waitFor(`◆  Change what for ${UNIT_ONLY}?`);
  const what = t.screen();
  expect(what).toMatch(/│\s+● Address/u);
  expect(what).toContain("Weight");
  expect(what).toContain("Service");
  t.keys("Enter");

  const editor = await t.waitFor(`◆  Change which part of the address of ${UNIT_ONLY}?`);
  expect(t.history()).toContain(`The label of ${UNIT_ONLY} would read (it cannot ship yet)`);
  expect(editor).toContain("Address line 2");
  await moveTo(t, "Address line 1");
  t.keys("Enter");
  await t.waitFor(`◆  Address line 1 for ${UNIT_ONLY}`);
  t.keys("Enter"); // empty: refused at once
  await t.waitFor("Address line 1 cannot be empty.");
  t.type("55 Queen Street West");
  t.keys("Enter");
  await t.waitFor("With this change, the label will read");
  await t.waitFor(`◆  Change which part of the address of ${UNIT_ONLY}?`);
  expect(t.screen()).toContain("55 Queen Street West");
  // After a field is typed, the cursor waits on Save (not back on Name).
  expect(t.screen().split("\n").find((l) => /^│\s+●\s/u.test(l))).toContain("Save the corrected address");
  t.keys("Enter");
  await t.waitFor(`Saved the corrected address of order ${UNIT_ONLY}`);
  await t.waitFor("[in the batch]");
  await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
  t.keys("Enter");
  await t.waitFor(/◆  Buy 3 labels (for \$[\d.,]+ \(taxes included\) )?from Canada Post \(SANDBOX\)\?/);
  t.keys("Enter");
  await t.waitFor("◆  Send the tracking numbers to Best Buy now", 30_000);
  t.keys("Enter");
  await t.waitFor("◆  Open the label page to print the labels?", 30_000);
  t.keys("Right", "Enter");
  // The sync found the unit-only order's problem; the clerk fixed it and it shipped: the desk's
  // last word agrees with status, which lists nothing.
  expect(await t.exitCode(30_000)).toBe(0);
  expect(t.screen()).toContain("All done.");
  expect(t.history()).not.toContain("need a person");

  const db = await openDatabase({ dataDir: t.dataDir });
  try {
    const rows = await db.query<Record<string, any>>(addressRowsSql);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ order_id: UNIT_ONLY, ship_street_1: "55 Queen Street West", ship_street_2: "Unit 9", corrected_via: "review screen", ended_at: null, status: "tracking_updated" });
    expect(rows[0]!.xml).toContain("<address-line-1>55 Queen Street West</address-line-1><address-line-2>Unit 9</address-line-2>");
  } finally {
    await db.close();
  }
  expect(cp.state.labelsFor(UNIT_ONLY)).toHaveLength(1);
  expect(cp.state.labelsFor("330000003-A")).toHaveLength(1);
}, 120_000);
