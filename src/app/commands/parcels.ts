import { saveProof, STATE_WORDS, watchParcels, type ParcelsDeps, type WatchEvent, type WatchSummary } from "../../parcels/index.ts";
import type { App } from "../app.ts";
import { EXIT, type ExitCode } from "../exit-codes.ts";
import type { Logger } from "../log.ts";
import type { CommandResult } from "./result.ts";

/** What a parcel needing a person means, in the log's few words (the fix is in shipdesk status). */
const NEEDS: Record<string, string> = {
  attempted: "delivery attempted: waits at a post office",
  returning: "going back to you",
  returned: "came back to you",
  stuck: "no scan for days",
  late: "delivered after its promised date",
};

export function logWatchEvent(log: Logger, e: WatchEvent): void {
  switch (e.type) {
    case "checking":
      return log.info(`parcels: ${e.due} to ask Canada Post about${e.enrolled ? `, ${e.enrolled} new label(s) followed from now on` : ""}`);
    case "changed":
      return log.info(`parcel ${e.pin}: ${STATE_WORDS[e.to]}${e.last ? ` (${e.last})` : ""}`, e.orderId);
    case "needs-person":
      return log.warn(`parcel ${e.pin} needs a person: ${NEEDS[e.attention]}; see shipdesk status`, e.orderId);
    case "error":
      return log.warn(`parcel ${e.pin}: ${e.message}`, e.orderId);
    case "stopped":
      return (e.reason === "refused" ? log.error : log.info)(`parcels: stopped, ${e.message}; ${e.left} left for the next run`);
  }
}

export function watchLine(s: WatchSummary): string {
  const parts = [`${s.asked} asked about`];
  if (s.changed.length) parts.push(`${s.changed.length} moved on`);
  if (s.settled) parts.push(`${s.settled} settled`);
  if (s.newAttention.length) parts.push(`${s.newAttention.length} now need a person`);
  if (s.errors.length) parts.push(`${s.errors.length} without an answer`);
  if (s.stopped) parts.push(`stopped: ${s.stopped.message}`);
  return `parcels: ${parts.join(", ")}`;
}

/** Exit 1 only for a parcel that needs a person for the first time: later runs stay quiet about it. */
export function watchExitCode(s: WatchSummary): ExitCode {
  if (s.stopped?.reason === "refused") return EXIT.usage;
  if (s.newAttention.length > 0) return EXIT.needsPerson;
  if (s.stopped) return EXIT.unreachable;
  return EXIT.ok;
}

export function parcelsDeps(app: App, log: Logger): ParcelsDeps {
  return {
    db: app.db,
    carrier: app.carrier,
    settings: { watch: app.settings.watch, labelsDir: app.settings.labelsDir },
    now: app.now,
    onEvent: (e) => logWatchEvent(log, e),
  };
}

/** The parcel watch, after tracking went to Best Buy: `maxCalls` caps this run's tracking calls. */
export async function watchCommand(app: App, log: Logger, options: { signal?: AbortSignal; maxCalls?: number } = {}): Promise<CommandResult & { summary: WatchSummary }> {
  const summary = await watchParcels(parcelsDeps(app, log), options);
  return { exitCode: watchExitCode(summary), line: watchLine(summary), summary };
}

/** `shipdesk proof ORDER`: the Delivery Confirmation Certificate saved beside the label. */
export async function proofCommand(app: App, log: Logger, orderId: string): Promise<CommandResult> {
  const proof = await saveProof(parcelsDeps(app, log), orderId);
  if (!proof.ok) {
    (proof.canRetry ? log.warn : log.error)(proof.message, orderId);
    return { exitCode: proof.canRetry ? EXIT.unreachable : EXIT.usage, line: `proof: none for ${orderId}` };
  }
  log.info(`delivery certificate ${proof.fetched ? "saved" : "already saved"}: ${proof.path}`, orderId);
  return { exitCode: EXIT.ok, line: `proof: ${proof.path}` };
}
