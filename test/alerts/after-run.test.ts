// The alerts after a run (src/app/after-run.ts): the one function the desk's run and a scheduled
// run both end with, against a real database, a local webhook receiver and a local SMTP server.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { alertsAfterRun } from "../../src/app/after-run.ts";
import { createLogger } from "../../src/app/log.ts";
import { tryLock, unlock } from "../../src/common/locks.ts";
import { loadSettings, type Settings } from "../../src/config/index.ts";
import { needsAttention } from "../../src/status/index.ts";
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from "../support/alert-receivers.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { useTimeZone } from "../support/time-zone.ts";
import insertOrderSql from "../deadlines/insert_order.sql" with { type: "text" };
import insertShipmentSql from "../deadlines/insert_shipment.sql" with { type: "text" };
import holdOrderSql from "../deadlines/hold_order.sql" with { type: "text" };
import setProblemSql from "../deadlines/set_problem.sql" with { type: "text" };
import clearProblemsSql from "./clear_problems.sql" with { type: "text" };
import alertCallsSql from "./alert_calls.sql" with { type: "text" };
import insertLabelSql from "./insert_label.sql" with { type: "text" };
import tableNamesSql from "./table_names.sql" with { type: "text" };
import deleteLabelSql from "./delete_label.sql" with { type: "text" };
import setLastErrorSql from "./set_last_error.sql" with { type: "text" };

useTimeZone("America/Toronto");
// 10:00 in Toronto.
const NOW = new Date("2026-12-03T15:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const PASSWORD = "smtp-Pa55-only-the-server-knows";
const USER = "alerts@northwind.example";

let t: TestDatabase;
let hook: WebhookReceiver;
let smtp: SmtpReceiver;
const dir = tempDir("alerts-after-run");
let lines: string[];
let settings: Settings;

function settingsWith(alerts: string): Settings {
  writeFileSync(join(dir.path, "shipdesk.toml"), `[alerts]\n${alerts}\n[alerts.email]\nserver = "127.0.0.1"\nport = ${smtp.port}\ntls = "none"\nuser = "${USER}"\nfrom = "shipdesk@northwind.example"\nto = ["clerk@northwind.example", "boss@northwind.example"]\n`, { mode: 0o600 });
  return loadSettings({ cwd: dir.path, env: { SHIPDESK_DATA_DIR: join(dir.path, "data"), SHIPDESK_ALERTS_WEBHOOK_URL: hook.url, SHIPDESK_SMTP_PASSWORD: PASSWORD } });
}

const log = () => createLogger({ dataDir: join(dir.path, "data"), write: (l) => lines.push(l) });
const afterRun = (now: Date, exitCode = 1, sentence?: string, cause?: string) => alertsAfterRun({ settings, db: t.db }, log(), { command: "shipdesk --auto", exitCode, sentence, cause }, now);
const texts = () => ({ posts: hook.posts.map((p) => (p.json as { text: string }).text), mails: smtp.mails.map((m) => m.text) });

beforeAll(async () => {
  hook = startWebhookReceiver();
  smtp = await startSmtpReceiver(USER, PASSWORD);
});
beforeEach(async () => {
  t = await freshServerDatabase("alerts_after_run");
  hook.posts.length = 0;
  hook.answer(200);
  smtp.mails.length = 0;
  smtp.acceptPassword(PASSWORD);
  lines = [];
  settings = settingsWith('webhook_format = "json"');
});
afterEach(async () => {
  await t.drop();
});
afterAll(async () => {
  await hook.stop();
  await smtp.stop();
  dir.remove();
});

test("one function after the desk's run and a scheduled one: a new problem is sent once on each channel, not again while it lasts, and again when it comes back after being fixed", async () => {
  await t.db.query(insertOrderSql, ["AL-1", "accepted", at(50).toISOString(), null]);
  await t.db.query(setProblemSql, ["AL-1", 'The postal code "K1A 0Z" is not a valid Canadian postal code.']);

  const first = await alertsAfterRun({ settings, db: t.db }, log(), { command: "the desk (shipdesk)", exitCode: 1, sentence: undefined }, NOW);
  expect(first.map((r) => [r.channel, r.sent.map((s) => [s.kind, s.delivery.ok])])).toEqual([
    ["webhook", [["problems", true]]],
    ["email", [["problems", true]]],
  ]);
  expect(hook.posts).toHaveLength(1);
  expect(smtp.mails).toHaveLength(1);
  const { posts, mails } = texts();
  for (const text of [posts[0]!, mails[0]!]) {
    expect(text).toContain("cannot ship: AL-1");
    expect(text).toContain('The postal code "K1A 0Z" is not a valid Canadian postal code.');
    expect(text).toContain("Fix: Correct the address in shipdesk: shipdesk address AL-1 --show");
  }
  expect(smtp.mails[0]!.subject).toBe("shipdesk SANDBOX: 1 new problem needs a person");
  expect(smtp.mails[0]!.to).toEqual(["clerk@northwind.example", "boss@northwind.example"]);
  expect(hook.posts[0]!.json).toMatchObject({ source: "shipdesk", kind: "problems", title: "shipdesk SANDBOX: 1 new problem needs a person", problems: [{ kind: "problem", who: "AL-1", orders: ["AL-1"], new: [{ key: "problem:AL-1", change: "new" }] }] });

  // The same problem, the next run: nothing.
  await afterRun(at(0.25));
  expect([hook.posts.length, smtp.mails.length]).toEqual([1, 1]);

  // Fixed: nothing to say; back again: said again.
  await t.db.query(clearProblemsSql, ["AL-1"]);
  await afterRun(at(0.5));
  expect([hook.posts.length, smtp.mails.length]).toEqual([1, 1]);
  await t.db.query(setProblemSql, ["AL-1", 'The postal code "K1A 0Z" is not a valid Canadian postal code.']);
  await afterRun(at(0.75));
  expect([hook.posts.length, smtp.mails.length]).toEqual([2, 2]);
  expect(texts().mails[1]).toContain("cannot ship: AL-1");
  expect(texts().mails[1]).not.toContain("changed since the last alert");
});

test("a further order refused for the same cause is one new problem (the ones already told are not told again); a changed reason is told again, said changed", async () => {
  const refusal = "Canada Post refused the label: Service DOM.XP is not available for this contract. (3000).";
  for (const id of ["RF-1", "RF-2"]) {
    await t.db.query(insertOrderSql, [id, "accepted", at(50).toISOString(), null]);
    await t.db.query(insertShipmentSql, [id, "label_failed", null, null, refusal]);
  }
  await afterRun(NOW);
  expect(texts().posts[0]).toContain("label refused: 2 orders (RF-1 and RF-2)");

  await t.db.query(insertOrderSql, ["RF-3", "accepted", at(50).toISOString(), null]);
  await t.db.query(insertShipmentSql, ["RF-3", "label_failed", null, null, refusal]);
  await afterRun(at(0.25));
  expect(hook.posts).toHaveLength(2);
  // The whole cause, as status says it, with the one order that is new.
  expect(texts().posts[1]).toContain("label refused: 3 orders (RF-1, RF-2 and RF-3); new: RF-3");
  expect((hook.posts[1]!.json as { problems: { new: unknown[] }[] }).problems[0]!.new).toEqual([{ key: "label_failed:RF-3", change: "new" }]);

  // One of them fixed: the others are not told again.
  await t.db.query(deleteLabelSql, ["RF-1"]);
  await afterRun(at(0.5));
  expect(hook.posts).toHaveLength(2);

  // Canada Post says something else about RF-2: told again, as a change.
  await t.db.query(setLastErrorSql, ["RF-2", "Canada Post refused the label: The contract has expired. (3001)."]);
  await afterRun(at(0.75));
  expect(hook.posts).toHaveLength(3);
  expect(texts().posts[2]).toContain("label refused: RF-2 (changed since the last alert)");
  expect(texts().posts[2]).not.toContain("RF-3");
  expect([smtp.mails.length]).toEqual([3]);
});

test("orders that will miss their deadline today unless someone acts are told once, and again when they become overdue", async () => {
  await t.db.query(insertOrderSql, ["DL-HELD", "accepted", at(2).toISOString(), null]);
  await t.db.query(holdOrderSql, ["DL-HELD"]);
  await t.db.query(insertOrderSql, ["DL-FINE", "accepted", at(3).toISOString(), null]);
  await afterRun(NOW, 0);
  const first = texts().posts[0]!;
  expect(first).toContain("will miss the shipping deadline unless someone acts: DL-HELD");
  expect(first).toContain("DL-HELD: ships by today 12:00 — 2 h; on hold");
  // An order a run ships on its own is no alert.
  expect(first).not.toContain("DL-FINE");

  await afterRun(at(1), 0);
  expect(hook.posts).toHaveLength(1);
  await afterRun(at(3), 0);
  expect(hook.posts).toHaveLength(2);
  expect(texts().posts[1]).toContain("DL-HELD: ships by today 12:00 — overdue by 1 h; on hold");
  expect(texts().posts[1]).toContain("(changed since the last alert)");
});

test("a run's own failure (exit 2, exit 4) is told once; a run that ends well forgets it, so the next failure is told", async () => {
  const keyRefused = "orders: 0 new; labels: Canada Post refused shipdesk's API key (HTTP 401); check canadapost.username and canadapost.password.";
  await afterRun(NOW, 2, keyRefused);
  expect(texts().posts[0]).toContain("the run stopped on its settings, a folder or an API key (exit 2): shipdesk --auto");
  expect(texts().posts[0]).toContain(keyRefused);
  expect(texts().mails[0]).toContain("Fix: Run the same command in a window (cmd.exe) and read the sentence");
  // The same refusal, in a run whose summary also says it got new orders: nothing new.
  await afterRun(at(0.25), 2, keyRefused.replace("orders: 0 new", "orders: 3 new, 1 problem(s)"));
  expect(hook.posts).toHaveLength(1);
  await afterRun(at(0.5), 0, "all done");
  await afterRun(at(0.75), 2, keyRefused);
  expect(hook.posts).toHaveLength(2);
  // A bug after a settings refusal is another problem.
  const bug = "shipdesk stopped on an unexpected error (boom); nothing was lost.";
  await afterRun(at(1), 4, bug, bug);
  expect(hook.posts).toHaveLength(3);
  expect(texts().posts[2]).toContain("the run stopped on an unexpected error (exit 4)");
  expect(texts().posts[2]).toContain("(changed since the last alert)");
  // A run that stopped on its settings: the sentence is the failure; another sentence, another failure.
  const zeros = "Setting canadapost.customer_number is all zeros; give your Canada Post customer number.";
  await afterRun(at(1.25), 2, zeros, zeros);
  await afterRun(at(1.5), 2, zeros, zeros);
  expect(hook.posts).toHaveLength(4);
  const unknown = "Setting canadapost.sevice is not a setting shipdesk knows; check its spelling or remove it.";
  await afterRun(at(1.75), 2, unknown, unknown);
  expect(hook.posts).toHaveLength(5);
  expect(smtp.mails).toHaveLength(5);
});

test("the day's summary is sent once a day, by the first run at or after its time (the clock injected)", async () => {
  settings = settingsWith('webhook_format = "json"\ndaily_summary_at = "17:00"');
  await t.db.query(insertOrderSql, ["SM-1", "shipped", at(-30).toISOString(), null]);
  await t.db.query(insertLabelSql, ["SM-1", at(-1).toISOString(), 12.5, at(-0.5).toISOString()]);
  await t.db.query(insertOrderSql, ["SM-2", "shipped", at(2).toISOString(), null]);
  await t.db.query(insertLabelSql, ["SM-2", at(-2).toISOString(), 7.25, at(-1.5).toISOString()]);

  await afterRun(at(-2), 0); // 08:00: not yet
  expect(hook.posts).toHaveLength(0);
  await afterRun(at(7.1), 0); // 17:06
  expect([hook.posts.length, smtp.mails.length]).toEqual([1, 1]);
  const summary = hook.posts[0]!.json as Record<string, unknown>;
  expect(summary).toMatchObject({ kind: "daily_summary", day: "2026-12-03", labels_today: 2, spend_today: 19.75, late_today: [{ order: "SM-1" }], due_today: 0, overdue: 0 });
  expect(smtp.mails[0]!.subject).toBe("shipdesk SANDBOX: the day's summary, 2026-12-03");
  expect(smtp.mails[0]!.text).toContain("Bought today: 2, for $19.75 (taxes included).");
  expect(smtp.mails[0]!.text).toContain("Shipped late today: 1.");
  expect(smtp.mails[0]!.text).toMatch(/SM-1: due 2026-12-02 \d\d:\d\d, shipped 2026-12-03 09:30 \(1 d 5 h late\)/);
  expect(smtp.mails[0]!.text).toContain("Needs a person: 0");

  await afterRun(at(8), 0); // 18:00, the same day
  await afterRun(at(13.9), 0); // 23:54
  expect(hook.posts).toHaveLength(1);
  await afterRun(at(16), 0); // 02:00 the next day: not yet
  expect(hook.posts).toHaveLength(1);
  await afterRun(at(31.5), 0); // 17:30 the next day
  expect([hook.posts.length, smtp.mails.length]).toEqual([2, 2]);
  expect(hook.posts[1]!.json).toMatchObject({ kind: "daily_summary", day: "2026-12-04", labels_today: 0 });
});

test("a webhook answering 500 and an SMTP server refusing the password: nothing thrown, status lists both with the fix, every attempt on record; once they answer, what was not delivered is sent once", async () => {
  await t.db.query(insertOrderSql, ["FL-1", "accepted", at(50).toISOString(), null]);
  await t.db.query(setProblemSql, ["FL-1", "The parcel has no street."]);
  hook.answer(500);
  smtp.acceptPassword("another-password");
  const reports = await afterRun(NOW);
  expect(reports.flatMap((r) => r.sent.map((s) => [r.channel, s.delivery.ok]))).toEqual([
    ["webhook", false],
    ["email", false],
  ]);
  // The webhook was tried three times (a server fault may pass), the refused login once.
  expect(hook.posts).toHaveLength(3);
  expect(smtp.mails).toHaveLength(0);
  expect(smtp.refusedLogins).toBe(1);
  const calls = await t.db.query(alertCallsSql);
  expect(calls.map((c) => [c.endpoint, c.status_code, c.is_success, c.attempt])).toEqual([
    ["Webhook", 500, false, 1],
    ["Webhook", 500, false, 2],
    ["Webhook", 500, false, 3],
    ["Email", 535, false, 1],
  ]);
  const attention = (await needsAttention(t.db)).filter((a) => a.kind === "alert_failed");
  expect(attention.map((a) => [a.orderId, a.code])).toEqual([
    ["webhook alerts", "server"],
    ["e-mail alerts", "auth"],
  ]);
  const host = new URL(hook.url).host;
  expect(attention[0]!.reason).toBe(`The alert to the webhook at ${host} was not delivered: it answered HTTP 500 (internal_error) (3 tries).`);
  expect(attention[0]!.fix).toContain("shipdesk alerts test");
  expect(attention[1]!.reason).toContain(`The alert e-mail through 127.0.0.1:${smtp.port} (none) was not delivered: 535 Invalid username or password`);
  expect(attention[1]!.fix).toStartWith("Check alerts.email.user and the password (alerts.email.password, or SHIPDESK_SMTP_PASSWORD)");
  expect(lines.some((l) => l.includes("WARN") && l.includes("was not delivered") && l.includes("shipdesk status lists it with the fix"))).toBe(true);

  // Fixed: the next run sends the problem once, and status lists no alert any more. Each channel
  // is also told that the other one had failed (its own failure is no news to itself).
  hook.answer(200);
  smtp.acceptPassword(PASSWORD);
  await afterRun(at(0.25));
  expect(hook.posts).toHaveLength(4);
  expect(smtp.mails).toHaveLength(1);
  expect(texts().posts.at(-1)).toContain("cannot ship: FL-1");
  expect(texts().posts.at(-1)).toContain("alert not delivered: e-mail alerts");
  expect(texts().posts.at(-1)).not.toContain("alert not delivered: webhook alerts");
  expect(texts().mails[0]).toContain("alert not delivered: webhook alerts");
  expect(texts().mails[0]).not.toContain("alert not delivered: e-mail alerts");
  expect((await needsAttention(t.db)).filter((a) => a.kind === "alert_failed")).toEqual([]);
  await afterRun(at(0.5));
  expect([hook.posts.length, smtp.mails.length]).toEqual([4, 1]);
});

test("every alert is on record in api_calls (service Alert); the webhook's path and the SMTP password are in no row and no log line", async () => {
  await t.db.query(insertOrderSql, ["SC-1", "accepted", at(50).toISOString(), null]);
  await t.db.query(setProblemSql, ["SC-1", "The parcel has no street."]);
  await afterRun(NOW);
  const calls = await t.db.query(alertCallsSql);
  expect(calls.map((c) => [c.endpoint, c.related_id, c.method, c.is_success])).toEqual([
    ["Webhook", "problems", "POST", true],
    ["Email", "problems", "SMTP", true],
  ]);
  expect(calls[0]!.url).toBe(`http://${new URL(hook.url).host}[redacted]`);
  expect(calls[1]!.url).toBe(`smtp://127.0.0.1:${smtp.port}`);
  expect(calls[1]!.response_body).toStartWith("250 ");
  expect(JSON.parse(String(calls[1]!.request_payload))).toMatchObject({ from: "shipdesk@northwind.example", subject: "shipdesk SANDBOX: 1 new problem needs a person" });

  const secret = new URL(hook.url).pathname;
  const everything: string[] = [...lines];
  for (const { table_name } of await t.db.query<{ table_name: string }>(tableNamesSql)) {
    everything.push(...(await t.db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`)).map((r) => r.row));
  }
  const all = everything.join("\n");
  expect(all).toContain("SC-1");
  expect(all).not.toContain(PASSWORD);
  expect(all).not.toContain(secret);
  expect(all).not.toContain("webhook-secret-path");
});

test("two runs ending at once: the one that finds the alerts taken leaves them to the other", async () => {
  await t.db.query(insertOrderSql, ["LK-1", "accepted", at(50).toISOString(), null]);
  await t.db.query(setProblemSql, ["LK-1", "The parcel has no street."]);
  const other = await t.db.reserve();
  try {
    expect(await tryLock(other, "alerts")).toBe(true);
    expect(await afterRun(NOW)).toEqual([]);
    expect([hook.posts.length, smtp.mails.length]).toEqual([0, 0]);
    expect(lines.some((l) => l.includes("another shipdesk is sending them"))).toBe(true);
    await unlock(other, "alerts");
  } finally {
    await other.release();
  }
  await afterRun(at(0.1));
  expect([hook.posts.length, smtp.mails.length]).toEqual([1, 1]);
});
