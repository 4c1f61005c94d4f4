// Issue 29's alerts, through the command line as Task Scheduler runs it: a local SMTP server that
// wants a password and a local HTTP receiver standing in for a Slack webhook.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from "../support/alert-receivers.ts";
import { refusalFault } from "../support/carriers.ts";
import { canadaPostForFile, cliScene, DATABASE_KINDS, summaryOf, type CliScene } from "../support/cli-scene.ts";
import type { CliRun } from "./run-cli.ts";
import alertCallsSql from "../alerts/alert_calls.sql" with { type: "text" };
import tableNamesSql from "../alerts/table_names.sql" with { type: "text" };

const PASSWORD = "Smtp-Pa55-nobody-else-sees";
const USER = "alerts@northwind.example";
const BUG_AUTO_CLI = join(import.meta.dir, "../fixtures/bug-auto-cli.ts");
const DESK_CLI = join(import.meta.dir, "../fixtures/desk-stand-in-cli.ts");
const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
let hook: WebhookReceiver;
let smtp: SmtpReceiver;

beforeAll(async () => {
  cp = sandbox();
  hook = startWebhookReceiver();
  smtp = await startSmtpReceiver(USER, PASSWORD);
});
afterAll(async () => {
  await hook.stop();
  await smtp.stop();
});

/** The [alerts] section: the webhook's address and the password come from the environment. */
const alertsToml = (extra = "") => `[alerts]
webhook_format = "slack"
${extra}
[alerts.email]
server = "127.0.0.1"
port = ${smtp.port}
tls = "none"
user = "${USER}"
from = "shipdesk@northwind.example"
to = "clerk@northwind.example"
`;

function reset(): void {
  hook.posts.length = 0;
  hook.answer(200);
  smtp.mails.length = 0;
  smtp.acceptPassword(PASSWORD);
}

function withSecrets(s: CliScene): CliScene {
  s.env.SHIPDESK_ALERTS_WEBHOOK_URL = hook.url;
  s.env.SHIPDESK_SMTP_PASSWORD = PASSWORD;
  return s;
}

const sent = () => [hook.posts.length, smtp.mails.length];
const slackText = (i: number) => (hook.posts[i]!.json as { text: string }).text;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** Every file under `dir`, as bytes (the embedded database's files included). */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** The text of every row of every table. */
async function everyTable(s: CliScene): Promise<string> {
  const rows: string[] = [];
  for (const { table_name } of await s.query<{ table_name: string }>(tableNamesSql)) {
    rows.push(...(await s.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`)).map((r) => r.row));
  }
  return rows.join("\n");
}

for (const kind of DATABASE_KINDS) {
  describe(`on the ${kind} database`, () => {
    test("a scheduled run with new problems sends one message on each channel; the next run with the same problems none; fixed then back, one again; the password and the webhook's secret are in no table, log or file", async () => {
      reset();
      const later = { promise: { shipBy: inDays(5) } };
      const halifax = { street_1: "1675 Lower Water Street", street_2: null, city: "Halifax", state: "NS" };
      const s = withSecrets(
        await cliScene("alerts", kind, cp, {
          orders: 2,
          seed: 31,
          specialOrders: [
            { orderId: "AL-BADZIP", address: { ...halifax, zip_code: "00000" }, ...later },
            { orderId: "AL-HELD", address: { ...halifax, zip_code: "B3J 1S9" }, promise: { shipBy: new Date(Date.now() - 30 * 60_000) } },
          ],
        }, alertsToml()),
      );
      const runs: CliRun[] = [];
      const cli = async (...args: string[]) => {
        const run = await s.cli(...args);
        runs.push(run);
        return run;
      };
      try {
        expect((await cli("orders", "sync")).code).toBe(1);
        expect((await cli("hold", "AL-HELD")).code).toBe(0);
        // Neither is a scheduled run: nobody is told.
        expect(sent()).toEqual([0, 0]);

        cp.faults.inject("CreateShipment", refusalFault("3000", "Service DOM.XP is not available for this contract."), 1);
        const first = await cli("--auto");
        expect(first.code).toBe(1);
        expect(sent()).toEqual([1, 1]);
        const post = slackText(0);
        const mail = smtp.mails[0]!;
        expect(mail.subject).toBe("shipdesk SANDBOX: 3 new problems need a person");
        expect(post).toStartWith("*shipdesk SANDBOX: 3 new problems need a person*\n");
        for (const text of [post, mail.text]) {
          expect(text).toContain("will miss the shipping deadline unless someone acts: AL-HELD");
          expect(text).toContain("cannot ship: AL-BADZIP");
          expect(text).toMatch(/label refused: \S+/);
          expect(text).toContain("Canada Post refused the label: Service DOM.XP is not available for this contract. (3000).");
        }
        // The summary line stays the run's last line.
        expect(summaryOf(first.stdout)).toContain("summary: ");
        expect(first.stdout).toMatch(/alert sent \(webhook to 127\.0\.0\.1:\d+ \(slack\)\): shipdesk SANDBOX: 3 new problems need a person; answered 200 ok/);

        const second = await cli("--auto");
        expect(second.code).toBe(1);
        expect(sent()).toEqual([1, 1]);

        // Fixed (and held, so that no run buys it meanwhile): nothing to say.
        expect((await cli("address", "AL-BADZIP", "--postal-code", "B3J 1S9")).code).toBe(0);
        expect((await cli("hold", "AL-BADZIP")).code).toBe(0);
        // (The refused label is no new work for a run: exit 0; status still lists it.)
        expect((await cli("--auto")).code).toBe(0);
        expect(sent()).toEqual([1, 1]);

        // Back to Best Buy's address: the problem is back, and told again, alone.
        // (Exit 1: the address it goes back to cannot ship, as the command says.)
        expect((await cli("address", "AL-BADZIP", "--drop")).code).toBe(1);
        expect((await cli("--auto")).code).toBe(1);
        expect(sent()).toEqual([2, 2]);
        expect(smtp.mails[1]!.subject).toBe("shipdesk SANDBOX: 1 new problem needs a person");
        expect(smtp.mails[1]!.text).toContain("cannot ship: AL-BADZIP");
        expect(smtp.mails[1]!.text).not.toContain("AL-HELD");
        expect(smtp.mails[1]!.text).not.toContain("label refused");

        // On record like every call; each went through with the password the server wanted.
        const calls = await s.query(alertCallsSql);
        expect(calls.map((c) => [c.endpoint, c.is_success])).toEqual([
          ["Webhook", true],
          ["Email", true],
          ["Webhook", true],
          ["Email", true],
        ]);
        expect(smtp.refusedLogins).toBe(0);

        // The secrets: in no table, no log, no file of the data or labels folders, nothing printed.
        const secretPath = new URL(hook.url).pathname;
        const tables = await everyTable(s);
        expect(tables).toContain("AL-BADZIP");
        const files = filesUnder(s.dir);
        expect(files.some((f) => f.path.endsWith("shipdesk.log"))).toBe(true);
        for (const secret of [PASSWORD, secretPath, "webhook-secret-path"]) {
          const found = (where: string, text: string | Buffer) => ({ where, found: text.includes(secret) });
          expect(found("every table", tables)).toEqual({ where: "every table", found: false });
          for (const f of files) expect(found(f.path, f.bytes)).toEqual({ where: f.path, found: false });
          runs.forEach((r, i) => expect(found(`run ${i}`, r.stdout + r.stderr)).toEqual({ where: `run ${i}`, found: false }));
        }
      } finally {
        await s.done();
      }
    }, 240_000);
  });
}

describe("the desk", () => {
  test("after the desk's run, the command line tells what is new as after a scheduled one (the desk's screens stood in for)", async () => {
    reset();
    const s = withSecrets(await cliScene("alerts_desk", "server", cp, { orders: 0, seed: 34, specialOrders: [{ orderId: "DK-BADZIP", address: { zip_code: "00000" }, promise: { shipBy: inDays(5) } }] }, alertsToml()));
    const desk = async () => {
      const proc = Bun.spawn([process.execPath, DESK_CLI], { cwd: s.dir, env: { PATH: process.env.PATH ?? "", HOME: s.dir, ...s.env }, stdout: "pipe", stderr: "pipe", stdin: "ignore" });
      const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
      return { stdout, stderr, code };
    };
    try {
      expect((await s.cli("orders", "sync")).code).toBe(1);
      const first = await desk();
      expect(first).toEqual({ stdout: "", stderr: "", code: 1 });
      expect(sent()).toEqual([1, 1]);
      expect(smtp.mails[0]!.text).toContain("cannot ship: DK-BADZIP");
      expect((await desk()).code).toBe(1);
      expect(sent()).toEqual([1, 1]);
      // The desk's screen is left alone: the alert's lines are in the log only.
      expect(readFileSync(join(s.dataDir, "shipdesk.log"), "utf8")).toMatch(/alert sent \(e-mail through 127\.0\.0\.1:\d+ \(none\) to clerk@northwind\.example\): shipdesk SANDBOX: 1 new problem needs a person/);
    } finally {
      await s.done();
    }
  }, 60_000);
});

describe("failing alerts and shipdesk alerts test", () => {
  test("an SMTP server refusing the password and a webhook answering 500: the run's exit code is unchanged, status lists each with its fix, alerts test says what answered; fixed, the summary not delivered is sent once", async () => {
    reset();
    const s = withSecrets(await cliScene("alerts_failing", "server", cp, { orders: 1, seed: 32 }, alertsToml('daily_summary_at = "00:00"')));
    try {
      hook.answer(500);
      smtp.acceptPassword("the-password-was-changed");
      const run = await s.cli("--auto");
      // Everything shipped: exit 0, as without alerts.
      expect(run.code).toBe(0);
      expect(summaryOf(run.stdout)).toContain("labels: 1 label(s) bought");
      expect(run.stdout).toContain("was not delivered: it answered HTTP 500 (internal_error) (3 tries). The run goes on; shipdesk status lists it with the fix.");
      expect(run.stdout).toContain("was not delivered: 535 Invalid username or password");
      expect(smtp.mails).toHaveLength(0);

      const status = await s.cli("status");
      expect(status.code).toBe(1);
      expect(status.stdout).toContain("Needs a person (2):");
      expect(status.stdout).toContain("  webhook alerts: The alert to the webhook at 127.0.0.1:");
      expect(status.stdout).toContain("  e-mail alerts: The alert e-mail through 127.0.0.1:");
      expect(status.stdout).toContain("Fix: Check alerts.email.user and the password (alerts.email.password, or SHIPDESK_SMTP_PASSWORD)");

      const failing = await s.cli("alerts", "test");
      expect(failing.code).toBe(2);
      expect(failing.stdout).toContain("Not sent: The alert to the webhook at 127.0.0.1:");
      expect(failing.stdout).toContain("Not sent: The alert e-mail through 127.0.0.1:");
      expect(failing.stdout).toContain("  Fix: Check alerts.email.user");

      // Only the server's fault left: exit 3, no setting to fix.
      smtp.acceptPassword(PASSWORD);
      const busy = await s.cli("alerts", "test");
      expect(busy.code).toBe(3);
      expect(busy.stdout).toMatch(/Sent: e-mail through 127\.0\.0\.1:\d+ \(none\) to clerk@northwind\.example; it answered 250 /);
      expect(smtp.mails.at(-1)!.subject).toBe("shipdesk SANDBOX: test alert");

      hook.answer(200);
      const working = await s.cli("alerts", "test");
      expect(working.code).toBe(0);
      expect(working.stdout).toMatch(/^Sent: webhook to 127\.0\.0\.1:\d+ \(slack\); it answered 200 ok\.$/m);
      expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");

      // The day's summary was never delivered: the next run sends it, once on each channel.
      const [posts, mails] = sent();
      expect((await s.cli("--auto")).code).toBe(0);
      expect(sent()).toEqual([posts! + 1, mails! + 1]);
      expect(smtp.mails.at(-1)!.subject).toMatch(/^shipdesk SANDBOX: the day's summary, \d{4}-\d\d-\d\d$/);
      expect(smtp.mails.at(-1)!.text).toContain("Bought today: 1, for $");
      expect((await s.cli("--auto")).code).toBe(0);
      expect(sent()).toEqual([posts! + 1, mails! + 1]);

      // A webhook nobody answers: exit 3; no [alerts] at all: exit 2, with the sentence.
      s.env.SHIPDESK_ALERTS_WEBHOOK_URL = "http://127.0.0.1:9/hooks/nobody";
      const nobody = await s.cli("alerts", "test");
      expect(nobody.code).toBe(3);
      expect(nobody.stdout).toContain("Not sent: The alert to the webhook at 127.0.0.1:9 was not delivered: no answer (");
      delete s.env.SHIPDESK_ALERTS_WEBHOOK_URL;
      s.settings("");
      const stray = await s.cli("alerts", "test");
      expect(stray.code).toBe(2);
      expect(stray.stderr.trim()).toBe(`SHIPDESK_SMTP_PASSWORD is set but ${join(s.dir, "shipdesk.toml")} has no [alerts.email] section (server, from, to) to use it with; add one (the README's Alerts says how), or unset SHIPDESK_SMTP_PASSWORD.`);
      delete s.env.SHIPDESK_SMTP_PASSWORD;
      const none = await s.cli("alerts", "test");
      expect(none.stderr).toBe("");
      expect(none.code).toBe(2);
      expect(none.stdout.trim()).toBe(`No alert channel is set: add webhook_url, or an [alerts.email] section, under [alerts] in ${join(s.dir, "shipdesk.toml")} (the README's Alerts says how), then run shipdesk alerts test again.`);
    } finally {
      await s.done();
    }
  }, 120_000);

  test("a run refused for its settings (exit 2) is told once though its settings do not load; a run that gets past them forgets it; a bug (exit 4) is told too", async () => {
    reset();
    const s = withSecrets(await cliScene("alerts_exit2", "server", cp, { orders: 1, seed: 33 }));
    const broken = `[canadapost]\ncustomer_number = "0000"\n\n${alertsToml()}`;
    try {
      s.settings(broken);
      const refused = await s.cli("--auto");
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe("");
      const sentence = refused.stderr.trim();
      expect(sentence).toStartWith("Setting canadapost.customer_number is all zeros");
      expect(sent()).toEqual([1, 1]);
      expect(slackText(0)).toContain("the run stopped on its settings, a folder or an API key (exit 2): shipdesk --auto");
      expect(smtp.mails[0]!.text).toContain(sentence);
      // Without the database, what was told is kept beside it: keys and fingerprints only.
      const kept = readFileSync(join(s.dataDir, "alerts-sent.json"), "utf8");
      expect(Object.keys(JSON.parse(kept))).toEqual(["webhook", "email"]);
      expect(kept).not.toContain(PASSWORD);

      expect((await s.cli("--auto")).code).toBe(2);
      expect(sent()).toEqual([1, 1]);

      s.settings(alertsToml());
      expect((await s.cli("--auto")).code).toBe(0);
      expect(sent()).toEqual([1, 1]);
      expect(existsSync(join(s.dataDir, "alerts-sent.json"))).toBe(false);

      s.settings(broken);
      expect((await s.cli("--auto")).code).toBe(2);
      expect(sent()).toEqual([2, 2]);

      // A bug in the middle of the run: exit 4, told, with the log file it names.
      s.settings(alertsToml());
      const proc = Bun.spawn([process.execPath, BUG_AUTO_CLI, "--auto"], { cwd: s.dir, env: { PATH: process.env.PATH ?? "", HOME: s.dir, ...s.env }, stdout: "pipe", stderr: "pipe", stdin: "ignore" });
      const [, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
      expect(code).toBe(4);
      expect(stderr).toContain("shipdesk stopped on an unexpected error (a bug stands in here)");
      expect(sent()).toEqual([3, 3]);
      expect(smtp.mails[2]!.text).toContain("the run stopped on an unexpected error (exit 4): shipdesk --auto");
      expect(smtp.mails[2]!.text).toContain("a bug stands in here");
      const calls = await s.query(alertCallsSql);
      expect(calls.map((c) => [c.endpoint, c.is_success])).toEqual([
        ["Webhook", true],
        ["Email", true],
      ]);
    } finally {
      await s.done();
    }
  }, 120_000);
});
