// The webhook's JSON, in the shape its receiver takes (alerts.webhook_format).
import type { WebhookSettings } from "../config/index.ts";
import { plainText, type AlertMessage } from "./message.ts";

/** Slack reads &, < and > in a message's text as markup: they are sent escaped. */
const slackEscape = (s: string): string => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A Slack incoming webhook: `text`, with the title in bold (Slack's mrkdwn). */
function slack(m: AlertMessage): unknown {
  return { text: `*${slackEscape(m.title)}*\n${slackEscape(plainText(m))}` };
}

/**
 * Microsoft Teams: an Adaptive Card in a message's attachments, the shape both the Workflows
 * app's "Post to a channel when a webhook request is received" and the older incoming webhooks
 * take. One text block a line: Teams does not break a block's text at a single newline.
 */
function teams(m: AlertMessage): unknown {
  const block = (text: string, extra: Record<string, unknown> = {}) => ({ type: "TextBlock", text, wrap: true, ...extra });
  const body = [
    block(m.title, { weight: "Bolder", size: "Medium" }),
    block(m.intro, { isSubtle: true, spacing: "None" }),
    ...m.sections.flatMap((s) => [block(s.heading, { weight: "Bolder", spacing: "Medium" }), ...s.lines.map((l) => block(l, { spacing: "None" }))]),
    block(m.footer, { isSubtle: true, spacing: "Medium" }),
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: { $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.4", msteams: { width: "Full" }, body },
      },
    ],
  };
}

/** Plain JSON for a receiver of your own: the text, and the same facts as fields. */
function json(m: AlertMessage): unknown {
  return { source: "shipdesk", kind: m.kind, title: m.title, text: plainText(m), ...m.data };
}

export function webhookBody(format: WebhookSettings["format"], m: AlertMessage): unknown {
  return format === "slack" ? slack(m) : format === "teams" ? teams(m) : json(m);
}
