import type { EndOfDayRun } from "./context.ts";
import type { EndOfDayDeps } from "./deps.ts";
import { saveManifests } from "./download.ts";
import { emptyEndOfDay, type EndOfDaySummary } from "./events.ts";
import { findMissingManifests } from "./find-manifests.ts";
import { settleOpenTransmits } from "./settle.ts";
import { countUnsettledRun, endOfDayDone, lockEndOfDay, unlockEndOfDay, type OpenTransmit } from "./store.ts";
import { transmitOpenGroups } from "./transmit.ts";

/**
 * The end of day: first finish what an earlier run left (a transmit whose answer was lost or that
 * Canada Post refused, settled label by label; a manifest not yet downloaded), then transmit the
 * open groups, then find and fetch every manifest PDF. One run at a time (a session lock); a
 * second run the same day transmits nothing new. Whatever is left unsettled is counted, so that
 * `shipdesk status` lists it after two runs instead of it repeating unseen.
 */
export async function runEndOfDay(deps: EndOfDayDeps): Promise<EndOfDaySummary> {
  const summary = emptyEndOfDay();
  const session = await deps.db.reserve();
  try {
    if (!(await lockEndOfDay(session))) {
      summary.busy = true;
      deps.onEvent?.({ type: "busy" });
      return summary;
    }
    try {
      const run: EndOfDayRun = {
        ...deps,
        session,
        summary,
        emit: (e) => deps.onEvent?.(e),
        at: async (step) => {
          await deps.checkpoint?.(step);
        },
        today: deps.now ?? (() => new Date()),
        triedManifests: new Set(),
      };
      const { settled } = await settleOpenTransmits(run, "transmitted again");
      await saveManifests(run);
      if (settled) await transmitAndSettle(run);
      await findMissingManifests(run);
      await saveManifests(run);
      await countUnsettledRun(run.db);
      if (isEmpty(summary)) {
        summary.nothing =
          deps.settings.canadaPost.manifest === "transmit"
            ? 'Nothing to transmit: with canadapost.manifest = "transmit" each label is transmitted when it is bought, and no manifest is needed.'
            : "Nothing to transmit: every label is already on a manifest.";
        run.emit({ type: "nothing", message: summary.nothing });
      }
      return summary;
    } finally {
      await unlockEndOfDay(session);
    }
  } finally {
    await session.release();
  }
}

/**
 * Transmits the open groups. A refusal is an answer: its labels are asked about at once (one in
 * doubt waits for the next run). When Canada Post said there was nothing to transmit and yet
 * labels are found open, they are transmitted again in this run, once; found open after a second
 * such refusal, they are a person's to sort out with Canada Post, and the run says so (exit 1):
 * an end of day that transmitted nothing never ends as "all done".
 */
async function transmitAndSettle(run: EndOfDayRun): Promise<void> {
  const refused = (t: OpenTransmit) => t.status === "refused";
  const notNow = "not transmitted: they go in the next transmit once the cause is fixed";
  const first = await transmitOpenGroups(run);
  if (first === "refused") await settleOpenTransmits(run, notNow, refused);
  if (first !== "refused-nothing-there") return;
  const found = await settleOpenTransmits(run, "transmitted again now", refused);
  if (found.open === 0) return;
  const second = await transmitOpenGroups(run);
  if (second === "refused") await settleOpenTransmits(run, notNow, refused);
  if (second !== "refused-nothing-there") return;
  const still = await settleOpenTransmits(run, "still not transmitted", refused);
  if (still.open === 0) return;
  const message = `Canada Post refused twice to transmit ${still.open} label(s) it has as open (it said there was nothing to transmit); they are not transmitted, and Canada Post bills untransmitted labels at full rate. Call Canada Post's commercial support with the group id and the labels' PINs, then run shipdesk manifest.`;
  run.summary.failed.push(message);
  run.emit({ type: "failed", message });
}

function isEmpty(s: EndOfDaySummary): boolean {
  return s.transmitted.length + s.saved.length + s.blocked.length + s.failed.length + s.refused.length + s.voided.length + s.unreachable.length === 0;
}

/**
 * For --auto: whether the end of day should run now, i.e. `manifestAt` ("HH:MM") has passed
 * today and today's transmit is not done (or something of it is left to finish).
 */
export async function endOfDayDue(deps: Pick<EndOfDayDeps, "db">, manifestAt: string | undefined, now: Date): Promise<boolean> {
  if (!manifestAt) return false;
  const [h, m] = manifestAt.split(":").map(Number);
  const due = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m);
  if (now < due) return false;
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return !(await endOfDayDone(deps.db, startOfDay));
}
