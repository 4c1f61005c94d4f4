// What each channel was told, and how its last message went: in the database (alerts_sent,
// alert_channels), or, when a run failed before the database could be used, in a small file.
import type { Queryable } from "../db/index.ts";
import type { ChannelName, Delivery } from "./channel.ts";
import type { AlertUnit } from "./problems.ts";
import { SUMMARY_KEY } from "./summary.ts";
import sentOfChannelSql from "../../sql/alerts/sent_of_channel.sql" with { type: "text" };
import recordSentSql from "../../sql/alerts/record_sent.sql" with { type: "text" };
import forgetResolvedSql from "../../sql/alerts/forget_resolved.sql" with { type: "text" };
import forgetUnsetSentSql from "../../sql/alerts/forget_unset_sent.sql" with { type: "text" };
import forgetUnsetChannelsSql from "../../sql/alerts/forget_unset_channels.sql" with { type: "text" };
import channelDeliveredSql from "../../sql/alerts/channel_delivered.sql" with { type: "text" };
import channelFailedSql from "../../sql/alerts/channel_failed.sql" with { type: "text" };

export interface AlertStore {
  /** Each problem key the channel was told about, with the fingerprint it was told. */
  sent(channel: ChannelName): Promise<Map<string, string>>;
  markSent(channel: ChannelName, units: readonly Pick<AlertUnit, "key" | "fingerprint">[]): Promise<void>;
  /** Keys no longer current were fixed: forgotten, so a recurrence is new (the summary's row stays). */
  forgetResolved(channel: ChannelName, currentKeys: readonly string[]): Promise<void>;
  /** How the channel's last message went (status lists a failure). */
  outcome(channel: ChannelName, described: string, delivery: Delivery): Promise<void>;
  /** Channels no longer in [alerts] forget what they were told and are no longer listed. */
  keepOnly(channels: readonly ChannelName[]): Promise<void>;
}

export function databaseStore(db: Queryable): AlertStore {
  return {
    async sent(channel) {
      const rows = await db.query<{ problem_key: string; fingerprint: string }>(sentOfChannelSql, [channel]);
      return new Map(rows.map((r) => [r.problem_key, r.fingerprint]));
    },
    async markSent(channel, units) {
      if (units.length === 0) return;
      await db.query(recordSentSql, [channel, units.map((u) => u.key), units.map((u) => u.fingerprint)]);
    },
    async forgetResolved(channel, currentKeys) {
      await db.query(forgetResolvedSql, [channel, [...currentKeys], SUMMARY_KEY]);
    },
    async outcome(channel, described, delivery) {
      if (delivery.ok) await db.query(channelDeliveredSql, [channel, described]);
      else await db.query(channelFailedSql, [channel, described, delivery.sentence, delivery.code]);
    },
    async keepOnly(channels) {
      await db.query(forgetUnsetSentSql, [[...channels]]);
      await db.query(forgetUnsetChannelsSql, [[...channels]]);
    },
  };
}
