// The message in each shape a webhook takes, what is secret in a webhook's address, and which fix
// a failure calls for.
import { expect, test } from "bun:test";
import { mailFailureCode, plainText, problemsMessage, webhookBody, webhookDelivery, webhookSecrets, type AlertProblem } from "../../src/alerts/index.ts";
import type { HttpOutcome } from "../../src/http/index.ts";

const problem: AlertProblem = {
  kind: "label_failed",
  title: "label refused",
  who: "2 orders (A-1 and A-2)",
  reason: "Canada Post refused the label: <Service> & contract (3000).",
  fix: "Choose a service Canada Post offers you.",
  details: [],
  units: [
    { key: "label_failed:A-1", fingerprint: "f1", orderId: "A-1" },
    { key: "label_failed:A-2", fingerprint: "f2", orderId: "A-2" },
  ],
};
const origin = { host: "WAREHOUSE-PC", mode: "live" as const, now: new Date(2026, 11, 3, 19, 30) };
const message = problemsMessage([problem], new Map([["label_failed:A-2", "new"]]), origin);

test("the message as text: the title's facts, each problem with the orders that are new and its fix", () => {
  expect(message.title).toBe("shipdesk: 1 new problem needs a person");
  expect(plainText(message)).toBe(
    [
      "From shipdesk on WAREHOUSE-PC, 2026-12-03 19:30.",
      "label refused: 2 orders (A-1 and A-2); new: A-2\n  Canada Post refused the label: <Service> & contract (3000).\n  Fix: Choose a service Canada Post offers you.",
      "Everything that needs a person, each with its fix: shipdesk status, or Needs attention on the print page (shipdesk serve).",
    ].join("\n\n"),
  );
});

test("Slack: text, the title in bold, &, < and > escaped as Slack asks", () => {
  const body = webhookBody("slack", message) as { text: string };
  expect(Object.keys(body)).toEqual(["text"]);
  expect(body.text).toStartWith("*shipdesk: 1 new problem needs a person*\nFrom shipdesk on WAREHOUSE-PC");
  expect(body.text).toContain("Canada Post refused the label: &lt;Service&gt; &amp; contract (3000).");
});

test("Teams: an Adaptive Card in a message's attachments, one text block a line", () => {
  const body = webhookBody("teams", message) as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text: string; wrap: boolean }[] } }[] };
  expect(body.type).toBe("message");
  expect(body.attachments).toHaveLength(1);
  const card = body.attachments[0]!;
  expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
  expect(card.content.type).toBe("AdaptiveCard");
  expect(card.content.version).toBe("1.4");
  expect(card.content.body.map((b) => b.text)).toEqual([
    "shipdesk: 1 new problem needs a person",
    "From shipdesk on WAREHOUSE-PC, 2026-12-03 19:30.",
    "label refused: 2 orders (A-1 and A-2); new: A-2",
    "Canada Post refused the label: <Service> & contract (3000).",
    "Fix: Choose a service Canada Post offers you.",
    "Everything that needs a person, each with its fix: shipdesk status, or Needs attention on the print page (shipdesk serve).",
  ]);
  for (const b of card.content.body) expect([b.type, b.wrap]).toEqual(["TextBlock", true]);
});

test("plain JSON: the text and the same facts as fields", () => {
  expect(webhookBody("json", message)).toEqual({
    source: "shipdesk",
    kind: "problems",
    title: "shipdesk: 1 new problem needs a person",
    text: plainText(message),
    mode: "live",
    host: "WAREHOUSE-PC",
    sent_at: "2026-12-03T19:30:00.000" + (webhookBody("json", message) as { sent_at: string }).sent_at.slice(23),
    problems: [
      {
        kind: "label_failed",
        title: "label refused",
        who: "2 orders (A-1 and A-2)",
        orders: ["A-1", "A-2"],
        new: [{ key: "label_failed:A-2", change: "new" }],
        reason: problem.reason,
        details: [],
        fix: problem.fix,
      },
    ],
  });
});

test("what is secret in a webhook's address: everything after the host (a query's signature, a password in it)", () => {
  expect(webhookSecrets("https://hooks.slack.com/services/T0/B0/XXXX")).toEqual(["/services/T0/B0/XXXX"]);
  expect(webhookSecrets("https://prod-1.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SIGSIGSIG")).toEqual([
    "/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SIGSIGSIG",
    "?api-version=1&sig=SIGSIGSIG",
  ]);
  expect(webhookSecrets("https://user:p%40ssword@alerts.example/hook")).toEqual(["p%40ssword", "p@ssword", "/hook", "user"]);
});

test("what a webhook's answer calls for, its words kept without the secret it may echo", () => {
  const secrets = webhookSecrets("https://hooks.slack.com/services/T0/B0/XXXX");
  const answer = (status: number, text = ""): HttpOutcome => ({ kind: "response", status, headers: new Headers(), body: new Uint8Array(), text, durationMs: 5, attempt: 1 });
  expect(webhookDelivery(answer(200, "ok"), "hooks.slack.com", secrets)).toEqual({ ok: true, answered: "200 ok" });
  expect(webhookDelivery(answer(202), "x", secrets)).toEqual({ ok: true, answered: "202" });
  const codes = [400, 401, 403, 404, 410, 302, 413, 429, 500, 503].map((s) => [s, webhookDelivery(answer(s), "x", secrets).ok === false && (webhookDelivery(answer(s), "x", secrets) as { code: string }).code]);
  expect(codes).toEqual([
    [400, "format"],
    [401, "url"],
    [403, "url"],
    [404, "url"],
    [410, "url"],
    [302, "url"],
    [413, "rejected"],
    [429, "server"],
    [500, "server"],
    [503, "server"],
  ]);
  const echoed = webhookDelivery(answer(404, "no_service for /services/T0/B0/XXXX"), "hooks.slack.com", secrets);
  expect(echoed).toEqual({ ok: false, code: "url", sentence: "The alert to the webhook at hooks.slack.com was not delivered: it answered HTTP 404 (no_service for [redacted])." });
  const none = webhookDelivery({ kind: "no-answer", error: "ECONNREFUSED", timedOut: false, durationMs: 1, attempt: 3 }, "hooks.slack.com", secrets);
  expect(none).toEqual({ ok: false, code: "unreachable", sentence: "The alert to the webhook at hooks.slack.com was not delivered: no answer (ECONNREFUSED) (3 tries)." });
});

test("what a mail server's refusal calls for", () => {
  expect(mailFailureCode({ code: "EAUTH", responseCode: 535 })).toBe("auth");
  expect(mailFailureCode({ code: "ENOAUTH" })).toBe("auth");
  expect(mailFailureCode({ code: "EENVELOPE", responseCode: 550 })).toBe("address");
  expect(mailFailureCode({ code: "EENVELOPE", responseCode: 451 })).toBe("server");
  expect(mailFailureCode({ code: "ETLS" })).toBe("tls");
  expect(mailFailureCode({ code: "ETIMEDOUT", timeoutType: "GREETING_TIMEOUT" })).toBe("tls");
  expect(mailFailureCode({ code: "ESOCKET", message: "ssl3_get_record:wrong version number" })).toBe("tls");
  expect(mailFailureCode({ code: "EMESSAGE", responseCode: 554 })).toBe("rejected");
  expect(mailFailureCode({ code: "EMESSAGE", responseCode: 421 })).toBe("server");
  expect(mailFailureCode({ code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:25" })).toBe("unreachable");
  expect(mailFailureCode({ code: "EDNS", message: "getaddrinfo ENOTFOUND smtp.nowhere" })).toBe("unreachable");
  expect(mailFailureCode({ code: "ETIMEDOUT", timeoutType: "CONNECT_TIMEOUT" })).toBe("unreachable");
});
