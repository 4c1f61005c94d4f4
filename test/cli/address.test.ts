import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { AWKWARD } from "../canadapost/awkward-corpus.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { runCli } from "./run-cli.ts";
import createRequestsSql from "../ship-to/create_requests.sql" with { type: "text" };

// The "done when": a batch of awkward real-style orders ships in one --auto run with no
// person, except the one that truly cannot (a unit and no street), which has one clear problem
// and a fix the clerk does in shipdesk: `shipdesk address`.

const UNIT_ONLY = "320000099-A";
const batch = AWKWARD.filter((_, i) => i % 4 === 0).map((a, i) => ({
  orderId: `32000${String(i).padStart(4, "0")}-A`,
  address: {
    company: a.shipTo.company,
    street_1: a.shipTo.street1,
    street_2: a.shipTo.street2,
    city: a.shipTo.city,
    state: a.shipTo.province,
    zip_code: a.shipTo.postalCode,
  },
}));

let cp: RunningCanadaPostSandbox;
let bb: RunningBestBuySandbox;
let t: TestDatabase;
const dir = tempDir("cli-address");
let env: Record<string, string>;

beforeAll(async () => {
  cp = startCanadaPostSandbox();
  bb = startBestBuySandbox({
    seed: 14,
    orders: 0,
    specialOrders: [...batch, { orderId: UNIT_ONLY, address: { street_1: "", street_2: "Unit 9", city: "Toronto", state: "Ont.", zip_code: "M5V 3L9" } }],
  });
  t = await freshServerDatabase("cli_address");
  env = {
    DATABASE_URL: t.url,
    SHIPDESK_DATA_DIR: `${dir.path}/data`,
    SHIPDESK_LABELS_DIR: `${dir.path}/labels`,
    CANADAPOST_BASE_URL: cp.url,
    BESTBUY_BASE_URL: bb.url,
  };
});
afterAll(async () => {
  await cp.stop();
  await bb.stop();
  await t.drop();
  dir.remove();
});

const cli = (...args: string[]) => runCli(args, { env, cwd: dir.path });

describe("shipdesk address", () => {
  test("awkward orders ship in one --auto run; the unit-only order waits with its fix; corrected, it ships on the next run", async () => {
    expect(batch.length).toBeGreaterThanOrEqual(10);
    const first = await cli("--auto");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(1);
    const summary = first.stdout.trim().split("\n").at(-1)!;
    expect(summary).toMatch(new RegExp(`labels: ${batch.length} label\\(s\\) bought( for \\$[\\d.,]+ \\(taxes included\\))?, 1 order\\(s\\) with problems`));
    const skipped = first.stdout.split("\n").filter((l) => l.includes(UNIT_ONLY) && l.includes("not shipped"));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain('only "Unit 9"');
    expect(skipped[0]).toContain(`shipdesk address ${UNIT_ONLY} --line1`);
    expect(first.stdout).not.toMatch(/at Best Buy, then|correct the order/i);
    for (const o of batch) expect(cp.state.labelsFor(o.orderId)).toHaveLength(1);
    expect(cp.state.labelsFor(UNIT_ONLY)).toHaveLength(0);

    const status = await cli("status");
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(`${UNIT_ONLY}: The address has no street, only "Unit 9"`);
    expect(status.stdout).toContain(`Fix: Correct the address in shipdesk: shipdesk address ${UNIT_ONLY} --show`);

    const show = await cli("address", UNIT_ONLY, "--show");
    expect(show.code).toBe(1);
    expect(show.stdout).toContain("Address: Best Buy's, as the customer gave it.");
    expect(show.stdout).toContain("Cannot ship yet:");

    const bad = await cli("address", UNIT_ONLY, "--line1", "55 Queen Street West", "--postal-code", "M5V 3L");
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('The postal code "M5V 3L" is not a valid Canadian postal code');

    const fixed = await cli("address", UNIT_ONLY, "--line1=55 Queen Street West");
    expect(fixed.stderr).toBe("");
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`Saved the corrected address of order ${UNIT_ONLY}; the label will read:`);
    expect(fixed.stdout).toContain("55 Queen Street West / Unit 9 / Toronto ON  M5V 3L9");

    const shown = await cli("address", UNIT_ONLY);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("Address: corrected in shipdesk by ");
    expect(shown.stdout).toContain("Best Buy's address: ");
    expect(shown.stdout).toContain("Unit 9 / Toronto ON M5V3L9");

    const second = await cli("--auto");
    expect(second.code).toBe(0);
    expect(second.stdout.trim().split("\n").at(-1)).toMatch(/labels: 1 label\(s\) bought/);
    const [request] = await t.db.query<{ request_payload: { xml: string } }>(createRequestsSql, [UNIT_ONLY]);
    expect(request!.request_payload.xml).toContain("<address-line-1>55 Queen Street West</address-line-1><address-line-2>Unit 9</address-line-2>");
    const after = await cli("status");
    expect(after.stdout).toContain("Nothing needs a person.");

    const late = await cli("address", UNIT_ONLY, "--drop");
    expect(late.code).toBe(1);
    expect(late.stdout).toContain(`Order ${UNIT_ONLY} is shipped, so its address can no longer change.`);
  }, 90_000);

  test("the command line says what is wrong in one sentence", async () => {
    const cases: [string[], string][] = [
      [["address"], "shipdesk address takes one order id"],
      [["address", "X-1", "--drop", "--city", "Ottawa"], "--drop goes back to Best Buy's address"],
      [["address", "X-1", "--city"], "--city needs a value"],
      [["ship", "--line1", "1 Main St"], "go with shipdesk address ORDER"],
      [["address", "NO-SUCH-1", "--show"], "There is no order NO-SUCH-1 in shipdesk"],
    ];
    for (const [args, sentence] of cases) {
      const run = await cli(...args);
      expect({ args, code: run.code, said: (run.stdout + run.stderr).includes(sentence) }).toEqual({ args, code: 2, said: true });
    }
  }, 30_000);
});
