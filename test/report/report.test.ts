// What the labels cost, where the clerk and the bookkeeper look: the --auto summary, status's
// spend, and `shipdesk report`'s CSV, all from the prices Canada Post charged.
import { expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { startCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { localDay } from "../../src/common/calendar.ts";
import { fileScene } from "../support/file-scene.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { runCli } from "../cli/run-cli.ts";

const scene = fileScene("report", startCanadaPostSandbox);

test("the run's summary, status and the day's CSV say what the labels cost, to the cent", async () => {
  const env = {
    DATABASE_URL: scene.url,
    SHIPDESK_DATA_DIR: `${scene.dir}/data`,
    SHIPDESK_LABELS_DIR: `${scene.dir}/labels`,
    CANADAPOST_BASE_URL: scene.cp.url,
    BESTBUY_BASE_URL: "http://127.0.0.1:9",
  };
  await insertOrders(scene.db, [
    testOrder(0, { order_id: "PAY-1" }),
    testOrder(1, { order_id: "PAY-2", customer_name: 'Élodie "Lo" Tremblay, Jr' }),
    testOrder(2, { order_id: "PAY-3" }),
  ]);
  const ship = await runCli(["ship", "--auto"], { env, cwd: scene.dir });
  expect(ship.code).toBe(0);
  const charged = ["PAY-1", "PAY-2", "PAY-3"].map((id) => scene.cp.state.labelsFor(id)[0]!.price!.due);
  const total = charged.reduce((a, b) => a + b, 0).toFixed(2);
  expect(ship.stdout).toContain(`labels: 3 label(s) bought for $${total} (taxes included)`);

  const status = await runCli(["status"], { env, cwd: scene.dir });
  expect(status.stdout).toContain(`Spent on labels (taxes included): today $${total} for 3 label(s); this month $${total} for 3`);

  const report = await runCli(["report"], { env, cwd: scene.dir });
  expect(report.code).toBe(0);
  const lines = report.stdout.trimEnd().split("\r\n");
  expect(lines[0]).toBe("order_id,tracking_pin,service,status,bought_at,quoted_due,charged_due,charged_taxes,expected_delivery,weight_kg,customer,city,province,postal_code,counted,amount,late_refund,claim_by");
  expect(lines).toHaveLength(5);
  const pay2 = lines.find((l) => l.startsWith("PAY-2,"))!;
  expect(pay2).toContain(`,${charged[1]!.toFixed(2)},`);
  expect(pay2).toContain(`"Élodie ""Lo"" Tremblay, Jr"`); // quoted as a spreadsheet expects
  expect(lines.at(-1)).toBe(`total,,,,,,,,,,,,,,rows counted = yes,${total},0.00,`);

  const out = `${scene.dir}/labels-today.csv`;
  const written = await runCli(["report", "--date", localDay(new Date()), "--out", out], { env, cwd: scene.dir });
  expect(written.code).toBe(0);
  const file = readFileSync(out, "utf8");
  expect(file.charCodeAt(0)).toBe(0xfeff);
  expect(file.slice(1)).toBe(`${report.stdout.trimEnd()}\r\n`);

  const other = await runCli(["report", "--date", "2020-01-06"], { env, cwd: scene.dir });
  expect(other.stdout.trimEnd().split("\r\n")).toEqual([lines[0]!, "total,,,,,,,,,,,,,,rows counted = yes,0.00,0.00,"]);
  // A file that cannot be written: one sentence with the fix, exit 2, and nothing half-written.
  const unwritable = `${scene.dir}/no-such-folder/labels.csv`;
  const refused = await runCli(["report", "--out", unwritable], { env, cwd: scene.dir });
  expect(refused.code).toBe(2);
  expect(refused.stdout).toContain(`Could not write ${unwritable} (ENOENT); choose a folder you can write to`);
  expect(refused.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(unwritable)).toBe(false);
  const bad = await runCli(["report", "--date", "2026-02-30"], { env, cwd: scene.dir });
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim()).toBe('--date needs a day written YYYY-MM-DD, such as 2026-12-03; got "2026-02-30".');
}, 60_000);
