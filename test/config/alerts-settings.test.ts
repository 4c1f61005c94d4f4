// The [alerts] settings: what they resolve to, the sentences for what cannot work, the secrets
// from the environment, and the section read on its own when the rest of the settings is refused.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { ConfigError, loadAlertSettings, loadSettings, webhookFormatOf } from "../../src/config/index.ts";
import { settingsFiles } from "../support/settings-files.ts";

const files = settingsFiles("alerts-settings");
const { withFile } = files;
afterAll(() => files.remove());

const EMAIL = `[alerts.email]
server = "smtp.office365.com"
user = "shipping@northwind.example"
from = "shipping@northwind.example"
to = ["clerk@northwind.example", "owner@northwind.example"]
`;

function sentenceOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("[alerts]", () => {
  test("none set: no channel, no summary", () => {
    expect(loadSettings(withFile("")).alerts).toEqual({ webhook: undefined, email: undefined, dailySummaryAt: undefined, timeoutMs: 15000 });
  });

  test("the webhook's address and the SMTP password come from the environment; the shape follows the address unless webhook_format says", () => {
    const env = { SHIPDESK_ALERTS_WEBHOOK_URL: "https://hooks.slack.com/services/T0/B0/secret", SHIPDESK_SMTP_PASSWORD: "app-password-1" };
    const s = loadSettings(withFile(`[alerts]\ndaily_summary_at = "17:30"\n${EMAIL}`, { env }));
    expect(s.alerts).toEqual({
      webhook: { url: "https://hooks.slack.com/services/T0/B0/secret", format: "slack" },
      email: {
        server: "smtp.office365.com",
        port: 587,
        tls: "starttls",
        user: "shipping@northwind.example",
        password: "app-password-1",
        from: "shipping@northwind.example",
        to: ["clerk@northwind.example", "owner@northwind.example"],
      },
      dailySummaryAt: "17:30",
      timeoutMs: 15000,
    });
    const teams = loadSettings(withFile('[alerts]\nwebhook_url = "https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=xyz"\n'));
    expect(teams.alerts.webhook?.format).toBe("teams");
    const own = loadSettings(withFile('[alerts]\nwebhook_url = "https://hooks.slack.com/x"\nwebhook_format = "json"\n'));
    expect(own.alerts.webhook?.format).toBe("json");
    expect(loadSettings(withFile(`[alerts]\n${EMAIL.replace('server = "smtp.office365.com"', 'server = "smtp.gmail.com"\ntls = "tls"')}password = "x-pass"\n`)).alerts.email).toMatchObject({ port: 465, tls: "tls" });
  });

  test("which shape a webhook's address takes by itself", () => {
    expect(webhookFormatOf("https://hooks.slack.com/services/T/B/x")).toBe("slack");
    expect(webhookFormatOf("https://northwind.webhook.office.com/webhookb2/x/IncomingWebhook/y/z")).toBe("teams");
    expect(webhookFormatOf("https://prod-12.westus.logic.azure.com/workflows/x")).toBe("teams");
    expect(webhookFormatOf("https://default123.environment.api.powerplatform.com/powerautomate/x")).toBe("teams");
    expect(webhookFormatOf("https://alerts.northwind.example/shipdesk")).toBe("json");
  });

  test("what cannot work is one sentence naming the key and the fix; a secret's value is never in it", () => {
    const cases: [string, Record<string, string>, string][] = [
      ['[alerts]\nwebhook_url = "hooks.slack.com/services/x"\n', {}, "Setting alerts.webhook_url must be a full address starting with https://"],
      ['[alerts]\nwebhook_format = "discord"\n', {}, 'Setting alerts.webhook_format must be "slack" (a Slack incoming webhook), "teams"'],
      ['[alerts]\nwebhook_format = "teams"\n', {}, "Setting alerts.webhook_format is set but alerts.webhook_url is not"],
      [EMAIL, {}, "Setting alerts.email.password is missing: alerts.email.user needs its password; add password under [alerts.email] in"],
      [EMAIL.replace('user = "shipping@northwind.example"\n', ""), { SHIPDESK_SMTP_PASSWORD: "p-secret" }, "Setting alerts.email.user is missing: an SMTP password goes with a user name"],
      [`${EMAIL}tls = "none"\n`, { SHIPDESK_SMTP_PASSWORD: "p-secret" }, 'Setting alerts.email.tls is "none", which would send the SMTP password unencrypted to smtp.office365.com; set tls = "starttls" (port 587) or "tls" (port 465)'],
      [`${EMAIL}tls = "ssl"\n`, {}, 'Setting alerts.email.tls must be "starttls" (port 587'],
      [EMAIL.replace('to = ["clerk@northwind.example", "owner@northwind.example"]', 'to = "clerk at northwind"'), {}, "Setting alerts.email.to must be an e-mail address (who gets the alerts)"],
      [EMAIL.replace('to = ["clerk@northwind.example", "owner@northwind.example"]', "to = 42"), {}, "Setting alerts.email.to must be an e-mail address in quotes, or a list of them"],
      ['[alerts]\ndaily_summary_at = "5pm"\n', {}, 'Setting alerts.daily_summary_at must be a time of day such as "17:00"'],
      ['[alerts]\ndaily_summary_at = "17:00"\n', {}, "Setting alerts.daily_summary_at needs somewhere to send the summary: add webhook_url or an [alerts.email] section"],
      ['[alerts]\nwebhook = "https://x"\n', {}, "Setting alerts.webhook is not a setting shipdesk knows"],
      ["", { SHIPDESK_SMTP_PASSWORD: "p-secret" }, "SHIPDESK_SMTP_PASSWORD is set but"],
    ];
    for (const [toml, env, start] of cases) {
      const sentence = sentenceOf(() => loadSettings(withFile(toml, { env })));
      expect({ toml, sentence: sentence.slice(0, start.length) }).toEqual({ toml, sentence: start });
      expect(sentence).toMatch(/^[A-Z][^\n]*\.$/);
      for (const secret of ["p-secret", "secret-hook"]) expect(sentence).not.toContain(secret);
    }
    const fromEnv = sentenceOf(() => loadSettings(withFile("", { env: { SHIPDESK_ALERTS_WEBHOOK_URL: "ftp://secret-hook" } })));
    expect(fromEnv).toStartWith("Setting alerts.webhook_url must start with https://");
    expect(fromEnv).toEndWith("fix it in the environment variable SHIPDESK_ALERTS_WEBHOOK_URL and run shipdesk again.");
    expect(fromEnv).not.toContain("secret-hook");
    // On this computer, an unencrypted relay may take the password.
    expect(loadSettings(withFile(`${EMAIL.replace("smtp.office365.com", "127.0.0.1")}tls = "none"\n`, { env: { SHIPDESK_SMTP_PASSWORD: "p" } })).alerts.email).toMatchObject({ tls: "none", port: 25 });
  });

  test("the section is read on its own when the rest of the settings is refused (a bad customer number must not silence the alert about it)", () => {
    const options = withFile(`data_dir = "here"\n[canadapost]\ncustomer_number = "0000"\n[alerts]\nwebhook_url = "https://hooks.slack.com/services/T/B/x"\n`);
    expect(sentenceOf(() => loadSettings(options))).toStartWith("Setting canadapost.customer_number is all zeros");
    const only = loadAlertSettings(options);
    expect(only.alerts.webhook).toEqual({ url: "https://hooks.slack.com/services/T/B/x", format: "slack" });
    expect(only.mode).toBe("sandbox");
    expect(only.dataDir).toBe(join(options.cwd!, "here"));
    // Its own mistakes still stop it.
    expect(sentenceOf(() => loadAlertSettings(withFile('[alerts]\nwebhook_url = "nowhere"\n')))).toStartWith("Setting alerts.webhook_url must be a full address");
  });
});
