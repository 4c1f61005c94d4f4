import { noPinHistory, type CarrierFailure } from "../canadapost/index.ts";
import { checked } from "./check.ts";
import type { ParcelsDeps } from "./deps.ts";
import { emptyWatch, type WatchStop, type WatchSummary } from "./events.ts";
import { isGuaranteed } from "./late.ts";
import { readDetails } from "./reading.ts";
import { firstCheck } from "./schedule.ts";
import { claimDue, enrollCandidates, insertParcel, recordCheckError, releaseClaims, saveCheck, type DueParcel } from "./store.ts";

export interface WatchOptions {
  /** Tracking calls this run may make; default watch.calls_per_run. */
  maxCalls?: number;
  /** Stops asking when it fires (run.max_minutes); the parcels left are due at the next run. */
  signal?: AbortSignal;
}

const MINUTE = 60_000;
/** A claimed parcel a run died on is due again this long after. */
const LEASE_MS = 15 * MINUTE;
/** Answers missing in a row before Canada Post is taken as down for this run. */
const DOWN_AFTER = 3;

/**
 * The parcel watch: follows every label shipdesk bought, asking Canada Post's Get Tracking
 * Details only for the parcels that are due (schedule.ts), the longest overdue first, at most
 * `maxCalls` a run, paced by the tracking throttle group's limiter (20 a minute). Each answer is
 * saved as it comes; a parcel delivered or returned is never asked about again.
 */
export async function watchParcels(deps: ParcelsDeps, options: WatchOptions = {}): Promise<WatchSummary> {
  const now = deps.now ?? (() => new Date());
  const emit = deps.onEvent ?? (() => {});
  const summary = emptyWatch();
  summary.enrolled = await enroll(deps, now());
  const limit = options.maxCalls ?? deps.settings.watch.callsPerRun;
  const due = limit > 0 ? await claimDue(deps.db, now(), new Date(now().getTime() + LEASE_MS), limit) : [];
  emit({ type: "checking", enrolled: summary.enrolled, due: due.length });
  let missing = 0;
  for (const [i, p] of due.entries()) {
    if (options.signal?.aborted) return stop(deps, summary, due.slice(i), { reason: "out-of-time", message: "this run's time (run.max_minutes) is spent" });
    const outcome = await deps.carrier.getTrackingDetails(p.tracking_pin, p.order_id);
    const at = now();
    if (outcome.kind === "ok" || noPinHistory(outcome)) {
      missing = 0;
      summary.asked++;
      await record(deps, summary, p, outcome.kind === "ok" ? readDetails(outcome.value) : undefined, at);
      continue;
    }
    const stopped = await failed(deps, summary, p, outcome, at, ++missing);
    if (stopped) return stop(deps, summary, due.slice(i + 1), stopped);
  }
  return summary;
}

/** Labels not followed yet (bought within watch.days), each first due when its first scan can be in. */
async function enroll(deps: ParcelsDeps, now: Date): Promise<number> {
  const since = new Date(now.getTime() - deps.settings.watch.days * 24 * 60 * MINUTE);
  const candidates = await enrollCandidates(deps.db, since);
  for (const c of candidates) await insertParcel(deps.db, c, isGuaranteed(c.service_code), firstCheck(new Date(c.label_at)));
  return candidates.length;
}

async function record(deps: ParcelsDeps, summary: WatchSummary, p: DueParcel, reading: ReturnType<typeof readDetails>, at: Date): Promise<void> {
  const c = checked(p, reading, at, deps.settings.watch);
  await saveCheck(deps.db, c.row);
  const emit = deps.onEvent ?? (() => {});
  if (c.state !== p.state) {
    summary.changed.push({ orderId: p.order_id, pin: p.tracking_pin, from: p.state, to: c.state });
    emit({ type: "changed", orderId: p.order_id, pin: p.tracking_pin, from: p.state, to: c.state, last: reading?.last.text });
  }
  if (c.settled) summary.settled++;
  if (c.announce && c.attention) {
    summary.newAttention.push({ orderId: p.order_id, pin: p.tracking_pin, attention: c.attention });
    emit({ type: "needs-person", orderId: p.order_id, pin: p.tracking_pin, attention: c.attention });
  }
}

/**
 * A call with no answer about the parcel. A throttle or Canada Post refusing the key stops the
 * run's watch at once; missing answers stop it after a few in a row; anything else is noted on
 * the parcel, which is asked about again later.
 */
async function failed(deps: ParcelsDeps, summary: WatchSummary, p: DueParcel, outcome: CarrierFailure, at: Date, missing: number): Promise<WatchStop | undefined> {
  const message = outcome.error.message;
  if (outcome.kind === "throttled") {
    await releaseClaims(deps.db, [p.tracking_pin], at);
    return { reason: "throttled", message: "Canada Post asked to slow down (tracking allows 20 calls a minute)" };
  }
  if (outcome.kind === "rejected" && outcome.error.keyRefused) {
    await releaseClaims(deps.db, [p.tracking_pin], at);
    return {
      reason: "refused",
      message: `Canada Post refused shipdesk's key for tracking (${message}); with canadapost.api = "portal", subscribe your Developer Portal app to the Tracking API, otherwise check canadapost.username and password`,
    };
  }
  summary.asked++;
  const retryAt = new Date(at.getTime() + (outcome.kind === "unknown" ? 60 * MINUTE : 24 * 60 * MINUTE));
  await recordCheckError(deps.db, p.tracking_pin, message, retryAt, at);
  summary.errors.push({ orderId: p.order_id, pin: p.tracking_pin, message });
  deps.onEvent?.({ type: "error", orderId: p.order_id, pin: p.tracking_pin, message });
  if (outcome.kind === "unknown" && missing >= DOWN_AFTER) return { reason: "unreachable", message: `Canada Post's tracking gave no answer ${missing} times in a row (${message})` };
  return undefined;
}

async function stop(deps: ParcelsDeps, summary: WatchSummary, rest: readonly DueParcel[], why: WatchStop): Promise<WatchSummary> {
  const now = deps.now ?? (() => new Date());
  await releaseClaims(deps.db, rest.map((p) => p.tracking_pin), now());
  summary.left += rest.length;
  summary.stopped = why;
  deps.onEvent?.({ type: "stopped", reason: why.reason, message: why.message, left: summary.left });
  return summary;
}
