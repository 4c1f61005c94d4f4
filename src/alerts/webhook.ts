// Alerts to a webhook (Slack, Teams, or a receiver of your own): one JSON POST through src/http,
// recorded in api_calls (service 'Alert') with the address's path and query redacted: a Slack
// or Teams webhook address is itself the secret that lets anyone post to the channel.
import type { WebhookSettings } from "../config/index.ts";
import { redact, type HttpClient, type HttpOutcome } from "../http/index.ts";
import type { AlertFailureCode } from "../status/index.ts";
import type { Channel, Delivery } from "./channel.ts";
import { webhookBody } from "./formats.ts";

/** The parts of a webhook's address that are secret: everything after the host. */
export function webhookSecrets(url: string): string[] {
  const u = new URL(url);
  const parts = [`${u.pathname}${u.search}${u.hash}`, u.search, u.username, u.password, decodeURIComponent(u.password)];
  // Longest first, so that the whole path goes before any piece of it.
  return [...new Set(parts)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/** "hooks.slack.com": the host alone, for the log, status and the clerk. */
export const webhookHost = (url: string): string => new URL(url).host;

function codeOf(status: number): AlertFailureCode {
  if (status === 429 || status >= 500) return "server";
  if (status === 400 || status === 422) return "format";
  if (status >= 300 && status < 400) return "url";
  if ([401, 403, 404, 405, 410].includes(status)) return "url";
  return "rejected";
}

export function webhookDelivery(o: HttpOutcome, host: string, secrets: readonly string[]): Delivery {
  const tries = o.attempt > 1 ? ` (${o.attempt} tries)` : "";
  if (o.kind === "no-answer") {
    return { ok: false, code: "unreachable", sentence: `The alert to the webhook at ${host} was not delivered: no answer (${redact(o.error, secrets)})${tries}.` };
  }
  const said = redact(o.text.replace(/\s+/g, " ").trim(), secrets).slice(0, 160);
  if (o.status >= 200 && o.status < 300) return { ok: true, answered: `${o.status}${said ? ` ${said}` : ""}` };
  return {
    ok: false,
    code: codeOf(o.status),
    sentence: `The alert to the webhook at ${host} was not delivered: it answered HTTP ${o.status}${said ? ` (${said})` : ""}${tries}.`,
  };
}

export function webhookChannel(settings: WebhookSettings, http: HttpClient, timeoutMs: number): Channel {
  const host = webhookHost(settings.url);
  const secrets = webhookSecrets(settings.url);
  return {
    name: "webhook",
    described: `webhook to ${host} (${settings.format})`,
    async send(message) {
      const body = webhookBody(settings.format, message);
      const outcome = await http.send({
        service: "Alert",
        endpoint: "Webhook",
        relatedId: message.kind,
        method: "POST",
        url: settings.url,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        auditPayload: body,
        timeoutMs,
        // A refused connection or a server fault is tried again; a timeout is not: the message
        // may have been posted, and a person reads a duplicate where a run would wait again.
        retry: { attempts: 3, baseDelayMs: 1000, maxDelayMs: 4000, retryOn: (o) => (o.kind === "no-answer" ? !o.timedOut : o.status === 429 || o.status >= 500) },
        secrets,
      });
      return webhookDelivery(outcome, host, secrets);
    },
  };
}
