// The channels [alerts] sets up: the webhook, e-mail, both or none.
import { hasAlertChannels, type AlertSettings } from "../config/index.ts";
import type { AuditLog, HttpClient } from "../http/index.ts";
import type { Channel, ChannelName } from "./channel.ts";
import { emailChannel } from "./email.ts";
import { webhookChannel } from "./webhook.ts";

/**
 * How status names a channel whose alerts fail (the item's subject: sql/status/needs_person.sql
 * writes the same words), so a channel's own failure is known among the problems.
 */
export const CHANNEL_SUBJECT: Record<ChannelName, string> = { webhook: "webhook alerts", email: "e-mail alerts" };

export const hasChannels = hasAlertChannels;

/** The webhook through `http` (its audit, timeouts, retries); e-mail recorded in `audit`. */
export function alertChannels(a: AlertSettings, http: HttpClient, audit: AuditLog): Channel[] {
  const channels: Channel[] = [];
  if (a.webhook) channels.push(webhookChannel(a.webhook, http, a.timeoutMs));
  if (a.email) channels.push(emailChannel(a.email, audit, a.timeoutMs));
  return channels;
}
