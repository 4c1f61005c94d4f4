// What the labels cost, where the clerk and the bookkeeper look: the --auto summary, status's
// spend, and `shipdesk report`'s CSV, all from the prices Canada Post charged.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { localDay } from "../../src/common/calendar.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { runCli } from "../cli/run-cli.ts";

let cp: RunningCanadaPostSandbox;
let t: TestDatabase;
const dir = tempDir("report");
beforeAll(async () => {
  cp = startCanadaPostSandbox();
  t = await freshServerDatabase("report");
});
afterAll(async () => {
  await cp.stop();
  await t.drop();
  dir.remove();
});

test("the run's summary, status and the day's CSV say what the labels cost, to the cent", async () => {
  const env = {
    DATABASE_URL: t.url,
    SHIPDESK_DATA_DIR: `${dir.path}/data`,
    SHIPDESK_LABELS_DIR: `${dir.path}/labels`,
    CANADAPOST_BASE_URL: cp.url,
    BESTBUY_BASE_URL: "http://127.0.0.1:9",
  };
  await insertOrders(t.db, [
    testOrder(0, { order_id: "PAY-1" }),
    testOrder(1, { order_id: "PAY-2", customer_name: 'Élodie "Lo" Tremblay, Jr' }),
    testOrder(2, { order_id: "PAY-3" }),
  ]);
  const ship = await runCli(["ship", "--auto"], { env, cwd: dir.path });
  expect(ship.code).toBe(0);
  const charged = ["PAY-1", "PAY-2", "PAY-3"].map((id) => cp.state.labelsFor(id)[0]!.price!.due);
  const total = charged.reduce((a, b) => a + b, 0).toFixed(2);
  expect(ship.stdout).toContain(`labels: 3 label(s) bought for $${total} (taxes included)`);

  const status = await runCli(["status"], { env, cwd: dir.path });
  expect(status.stdout).toContain(`Spent on labels (taxes included): today $${total} for 3 label(s); this month $${total} for 3`);

  const report = await runCli(["report"], { env, cwd: dir.path });
  expect(report.code).toBe(0);
  const lines = report.stdout.trimEnd().split("\r\n");
  expect(lines[0]).toBe("order_id,tracking_pin,service,status,bought_at,quoted_due,charged_due,charged_taxes,expected_delivery,weight_kg,customer,city,province,postal_code");
  expect(lines).toHaveLength(5);
  const pay2 = lines.find((l) => l.startsWith("PAY-2,"))!;
  expect(pay2).toContain(`,${charged[1]!.toFixed(2)},`);
  expect(pay2).toContain(`"Élodie ""Lo"" Tremblay, Jr"`); // quoted as a spreadsheet expects
  expect(lines.at(-1)).toStartWith(`total,,,,,,${total},`);

  const out = `${dir.path}/labels-today.csv`;
  const written = await runCli(["report", "--date", localDay(new Date()), "--out", out], { env, cwd: dir.path });
  expect(written.code).toBe(0);
  const file = readFileSync(out, "utf8");
  expect(file.charCodeAt(0)).toBe(0xfeff);
  expect(file.slice(1)).toBe(`${report.stdout.trimEnd()}\r\n`);

  const other = await runCli(["report", "--date", "2020-01-06"], { env, cwd: dir.path });
  expect(other.stdout.trimEnd().split("\r\n")).toEqual([lines[0]!, "total,,,,,,0.00,,,,,,,"]);
  // A file that cannot be written: one sentence with the fix, exit 2, and nothing half-written.
  const unwritable = `${dir.path}/no-such-folder/labels.csv`;
  const refused = await runCli(["report", "--out", unwritable], { env, cwd: dir.path });
  expect(refused.code).toBe(2);
  expect(refused.stdout).toContain(`Could not write ${unwritable} (ENOENT); choose a folder you can write to`);
  expect(refused.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(unwritable)).toBe(false);
  const bad = await runCli(["report", "--date", "2026-02-30"], { env, cwd: dir.path });
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim()).toBe('--date needs a day written YYYY-MM-DD, such as 2026-12-03; got "2026-02-30".');
}, 60_000);
