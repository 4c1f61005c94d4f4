import { clearTrackingAttention, needsPerson, pushTracking, tryAgainLater, type TrackingEvent, type TrackingSummary } from "../../tracking/index.ts";
import type { App } from "../app.ts";
import { EXIT } from "../exit-codes.ts";
import type { Logger } from "../log.ts";
import { watchCommand } from "./parcels.ts";
import { combine, type CommandResult } from "./result.ts";

export function logTrackingEvent(log: Logger, e: TrackingEvent): void {
  switch (e.type) {
    case "checking":
      return log.info(`${e.shipments} label(s) to report to Best Buy`);
    case "tracking-sent":
      return log.info(`tracking ${e.pin} sent to Best Buy`, e.orderId);
    case "shipped-at-bestbuy":
      return log.info(`marked shipped at Best Buy${e.confirmedBy === "read-back" ? " (confirmed by reading the order back)" : ""}`, e.orderId);
    case "updated":
      return log.info("order shipped", e.orderId);
    case "failed":
      return log.warn(`${e.message} (try ${e.attempts})`, e.orderId);
    case "flagged":
    case "cancelled":
      return log.error(e.message, e.orderId);
    case "unavailable":
      return log.warn(e.message, e.orderId);
    case "not-attempted":
      return log.info("left for the next run: Best Buy is down", e.orderId);
    case "busy":
      return log.info("another shipdesk is reporting this order; left to it", e.orderId);
    case "out-of-time":
      return log.info("left for the next run: this run's time (run.max_minutes) is spent", e.orderId);
  }
}

export function trackingLine(s: TrackingSummary): string {
  const parts = [`${s.updated.length} order(s) shipped at Best Buy`];
  if (s.failed.length) parts.push(`${s.failed.length} failed (retried next run)`);
  if (s.flagged.length) parts.push(`${s.flagged.length} flagged for a person`);
  if (s.cancelled.length) parts.push(`${s.cancelled.length} cancelled after the label was bought`);
  if (s.outOfTime.length) parts.push(`${s.outOfTime.length} left for the next run (run.max_minutes reached)`);
  if (s.keyRefused) parts.push(s.keyRefused);
  else if (s.unavailable) parts.push(`Best Buy could not be reached, ${s.notAttempted.length} left for later`);
  return `tracking: ${parts.join(", ")}`;
}

export function trackingExitCode(s: TrackingSummary) {
  if (s.keyRefused) return EXIT.usage;
  if (needsPerson(s)) return EXIT.needsPerson;
  if (tryAgainLater(s) || s.failed.length > 0 || s.outOfTime.length > 0) return EXIT.unreachable;
  return EXIT.ok;
}

/**
 * Tracking to Best Buy, then the parcel watch (each parcel's journey, from Canada Post).
 * `retry`: orders flagged for a person whose problem the clerk has dealt with; `watchCalls`
 * caps the watch's tracking calls (default watch.calls_per_run).
 */
export async function trackCommand(
  app: App,
  log: Logger,
  retry: readonly string[] = [],
  signal?: AbortSignal,
  watchCalls?: number,
): Promise<CommandResult> {
  const summary = await trackOnce(app, log, retry, undefined, signal);
  const pushed = { exitCode: trackingExitCode(summary), line: trackingLine(summary) };
  const watch = await watchCommand(app, log, { ...(signal ? { signal } : {}), ...(watchCalls !== undefined ? { maxCalls: watchCalls } : {}) });
  return { exitCode: combine([pushed.exitCode, watch.exitCode]), line: `${pushed.line}; ${watch.line}` };
}

/** One tracking run; `only` limits it to those orders (the clerk's --retry, or a round of --auto). */
export async function trackOnce(app: App, log: Logger, retry: readonly string[] = [], only?: readonly string[], signal?: AbortSignal): Promise<TrackingSummary> {
  for (const orderId of retry) {
    if (await clearTrackingAttention(app.db, orderId)) log.info("flag cleared; trying again", orderId);
    else log.warn(`Order ${orderId} has no tracking flag to clear (a cancelled order is settled by voiding its label).`, orderId);
  }
  const summary = await pushTracking({
    db: app.db,
    marketplace: app.marketplace,
    settings: app.settings,
    onEvent: (e) => logTrackingEvent(log, e),
  }, { ...(retry.length > 0 ? { only: retry } : only ? { only } : {}), ...(signal ? { signal } : {}) });
  return summary;
}
