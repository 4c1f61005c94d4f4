import { emptySummary, type TrackingSummary } from "../../tracking/index.ts";
import type { App } from "../../app/app.ts";
import type { Logger } from "../../app/log.ts";
import type { CommandResult } from "../../app/commands/result.ts";
import { shipCommand } from "../../app/commands/ship.ts";
import { trackingExitCode, trackingLine, trackOnce } from "../../app/commands/track.ts";

/** How often, while labels are being bought, the new ones are reported to Best Buy. */
export const TRACKING_ROUND_MS = 2_000;

export function mergeTracking(rounds: readonly TrackingSummary[]): TrackingSummary {
  const all = emptySummary();
  for (const r of rounds) {
    all.updated.push(...r.updated);
    all.failed.push(...r.failed);
    all.flagged.push(...r.flagged);
    all.cancelled.push(...r.cancelled);
    all.notAttempted.push(...r.notAttempted);
    all.busy.push(...r.busy);
    all.outOfTime.push(...r.outOfTime);
    all.keyRefused ??= r.keyRefused;
    if (r.unavailable) {
      all.unavailable = true;
      all.unavailableMessage ??= r.unavailableMessage;
    }
  }
  return all;
}

/**
 * `--auto`'s labels and tracking side by side: while labels are bought, the ones saved since the
 * last round are reported to Best Buy every couple of seconds, so the batch is not done twice
 * over, once per service. The workflows stay independent: the label run never waits for Best
 * Buy, and once Best Buy is found down the rounds stop (the next run reports the rest). Each
 * order is tried once per run: the first round takes every label waiting, the later ones only
 * the labels this run saved.
 */
export async function shipAndTrack(
  app: App,
  log: Logger,
  roundMs = TRACKING_ROUND_MS,
  signal?: AbortSignal,
): Promise<{ ship: CommandResult; track: CommandResult; shipFinishedAt: number }> {
  let saved: string[] = [];
  let shipDone = false;
  let shipFinishedAt = 0;
  const ship = shipCommand(app, log, [], signal ? { signal } : {}, (e) => {
    if (e.type === "saved") saved.push(e.orderId);
  }).finally(() => {
    shipDone = true;
    shipFinishedAt = performance.now();
  });

  const rounds: TrackingSummary[] = [];
  const settled = ship.then(
    () => {},
    () => {},
  );
  for (let first = true; ; first = false) {
    await roundOrDone(settled, roundMs);
    const last = shipDone;
    const batch = saved;
    saved = [];
    if (first || batch.length > 0) {
      const round = await trackOnce(app, log, [], first ? undefined : batch, signal);
      rounds.push(round);
      if (round.unavailable || round.keyRefused) break;
    }
    if (last) break;
  }
  const track = mergeTracking(rounds);
  return { ship: await ship, track: { exitCode: trackingExitCode(track), line: trackingLine(track) }, shipFinishedAt };
}

/**
 * Waits for the next round, or less once the labels are done. The round's timer is cleared
 * either way: a Bun.sleep that lost the race kept the finished run alive for up to a round after
 * its summary, Ctrl-C handlers already gone (exit 130 instead of 3).
 */
async function roundOrDone(done: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
