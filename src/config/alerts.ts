// The [alerts] settings: checked with the others, and read on their own when the rest of the
// settings cannot be (a run refused for its settings still tells a person, if it can).
import { dirname } from "node:path";
import * as v from "valibot";
import { applyEnvironment } from "./env.ts";
import { ConfigError } from "./errors.ts";
import { absolute, findSettingsFile, parseFile, programFolder, SETTINGS_FILE_NAME, type LoadOptions } from "./file.ts";
import { sentenceFor } from "./checks.ts";
import { AlertsSchema, type SettingsFile } from "./schema.ts";
import type { AlertSettings } from "./settings.ts";

/** The shape a webhook's JSON takes when webhook_format is not set: read from the address's host. */
export function webhookFormatOf(url: string): "slack" | "teams" | "json" {
  const host = new URL(url).hostname.toLowerCase();
  if (host === "hooks.slack.com") return "slack";
  // Teams: the Workflows app (Power Automate, Logic Apps) and the older Office 365 connectors.
  const teams = [".webhook.office.com", ".logic.azure.com", ".powerautomate.com", ".powerplatform.com", ".flow.microsoft.com"];
  if (host === "outlook.office.com" || teams.some((end) => host.endsWith(end) || host === end.slice(1))) return "teams";
  return "json";
}

/** Whether [alerts] names somewhere to send them. */
export const hasAlertChannels = (a: AlertSettings): boolean => a.webhook !== undefined || a.email !== undefined;

const DEFAULT_PORT = { starttls: 587, tls: 465, none: 25 } as const;

/** A password sent without TLS may only go to a relay on this computer. */
const isLoopback = (host: string): boolean => /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);

/** The section resolved, or the clerk's sentence for what cannot work together. */
export function alertSettings(a: SettingsFile["alerts"], where: string): AlertSettings {
  const fail = (key: string, sentence: string) => new ConfigError(`Setting alerts.${key} ${sentence}`, `alerts.${key}`);
  if (a.webhook_format && !a.webhook_url) {
    throw fail("webhook_format", `is set but alerts.webhook_url is not: add the webhook's address under [alerts] in ${where} (or set SHIPDESK_ALERTS_WEBHOOK_URL), or remove webhook_format.`);
  }
  const e = a.email;
  if (e?.user && !e.password) {
    throw fail("email.password", `is missing: alerts.email.user needs its password; add password under [alerts.email] in ${where} or set SHIPDESK_SMTP_PASSWORD.`);
  }
  if (e?.password && !e.user) {
    throw fail("email.user", `is missing: an SMTP password goes with a user name; add user under [alerts.email] in ${where}.`);
  }
  if (e?.password && e.tls === "none" && !isLoopback(e.server)) {
    throw fail(
      "email.tls",
      `is "none", which would send the SMTP password unencrypted to ${e.server}; set tls = "starttls" (port 587) or "tls" (port 465) under [alerts.email] in ${where}.`,
    );
  }
  if (a.daily_summary_at && !a.webhook_url && !e) {
    throw fail("daily_summary_at", `needs somewhere to send the summary: add webhook_url or an [alerts.email] section in ${where}, or remove daily_summary_at.`);
  }
  return {
    webhook: a.webhook_url ? { url: a.webhook_url, format: a.webhook_format ?? webhookFormatOf(a.webhook_url) } : undefined,
    email: e
      ? {
          server: e.server,
          port: e.port ?? DEFAULT_PORT[e.tls],
          tls: e.tls,
          user: e.user,
          password: e.password,
          from: e.from,
          to: Array.isArray(e.to) ? e.to : [e.to],
        }
      : undefined,
    dailySummaryAt: a.daily_summary_at,
    timeoutMs: a.timeout_ms,
  };
}

/**
 * SHIPDESK_SMTP_PASSWORD set (for the scheduled task, say) with no [alerts.email] in the file:
 * said as it is, rather than as a missing server the clerk never wrote.
 */
export function checkAlertEnvironment(raw: Record<string, unknown>, fromEnv: ReadonlySet<string>, where: string): void {
  if (!fromEnv.has("alerts.email.password")) return;
  const email = (raw.alerts as { email?: Record<string, unknown> } | undefined)?.email ?? {};
  if (Object.keys(email).some((k) => k !== "password")) return;
  throw new ConfigError(
    `SHIPDESK_SMTP_PASSWORD is set but ${where} has no [alerts.email] section (server, from, to) to use it with; add one (the README's Alerts says how), or unset SHIPDESK_SMTP_PASSWORD.`,
    "alerts.email",
  );
}

/** What a run that failed before its settings loaded can still use to tell a person. */
export interface AlertsOnly {
  alerts: AlertSettings;
  mode: "sandbox" | "live";
  /** The data folder as the settings name it (it may be what is wrong). */
  dataDir: string;
}

const ModeAndFolder = v.looseObject({
  mode: v.optional(v.picklist(["sandbox", "live"]), "sandbox"),
  data_dir: v.optional(v.string()),
  alerts: v.optional(AlertsSchema, {}),
});

/**
 * The [alerts] section alone (with the mode and the data folder), for a run whose other settings
 * were refused: a wrong customer number must not also silence the alert about it. A ConfigError
 * when the alerts' own settings cannot be read.
 */
export function loadAlertSettings(options: LoadOptions = {}): AlertsOnly {
  const file = findSettingsFile(options);
  const raw = file ? parseFile(file) : {};
  const fromEnv = applyEnvironment(raw, options.env ?? process.env);
  checkAlertEnvironment(raw, fromEnv, file ?? SETTINGS_FILE_NAME);
  const parsed = v.safeParse(ModeAndFolder, raw);
  if (!parsed.success) throw sentenceFor(parsed.issues[0], file, fromEnv);
  const base = file ? dirname(file) : (options.programDir ?? programFolder() ?? options.cwd ?? process.cwd());
  return {
    alerts: alertSettings(parsed.output.alerts, file ?? SETTINGS_FILE_NAME),
    mode: parsed.output.mode,
    dataDir: absolute(parsed.output.data_dir?.trim() || "shipdesk-data", base),
  };
}
