// After a run (--auto, the desk): each channel is told what is new since it was last told — the
// problems status lists, the orders that miss their deadline today, the run's own failure — in
// one message, and the day's summary once a day. Never throws, never changes the run's exit code:
// a failing channel is recorded (status lists it) and logged.
import type { Queryable } from "../db/index.ts";
import type { AlertLog, Channel, Delivery } from "./channel.ts";
import { CHANNEL_SUBJECT } from "./channels.ts";
import { pendingProblems, problemsMessage, type Origin } from "./compose.ts";
import type { AlertMessage } from "./message.ts";
import { currentProblems, runFailure, type AlertProblem, type AlertUnit, type RunEnd } from "./problems.ts";
import type { AlertStore } from "./store.ts";
import { SUMMARY_KEY, summaryDay, summaryDue, summaryMessage } from "./summary.ts";

export interface AlertDeps {
  store: AlertStore;
  channels: readonly Channel[];
  log: AlertLog;
  /** The run's database, when it could be used: what needs a person, the summary. */
  db: Queryable | undefined;
  origin: Origin;
  dailySummaryAt: string | undefined;
}

/** What one channel was sent, and what came of it. */
export interface ChannelReport {
  channel: Channel["name"];
  sent: { kind: AlertMessage["kind"]; delivery: Delivery }[];
}

/** Sends `message` on `channel`, records how it went, logs it; never throws. */
export async function deliver(deps: Pick<AlertDeps, "store" | "log">, channel: Channel, message: AlertMessage): Promise<Delivery> {
  let delivery: Delivery;
  try {
    delivery = await channel.send(message);
  } catch (error) {
    delivery = { ok: false, code: "unreachable", sentence: `The alert (${channel.described}) was not delivered: ${(error as Error).message ?? String(error)}.` };
  }
  try {
    await deps.store.outcome(channel.name, channel.described, delivery);
  } catch (error) {
    deps.log.warn(`alerts: how the ${channel.name} alert went could not be recorded (${(error as Error).message})`);
  }
  if (delivery.ok) deps.log.info(`alert sent (${channel.described}): ${message.title}; answered ${delivery.answered}`);
  else deps.log.warn(`${delivery.sentence} The run goes on; shipdesk status lists it with the fix.`);
  return delivery;
}

/** Each unit the channel was not told, or was told differently. */
function pendingOf(problems: readonly AlertProblem[], sent: ReadonlyMap<string, string>, channel: Channel): Map<string, "new" | "changed"> {
  const pending = new Map<string, "new" | "changed">();
  // A channel's own failure is no news on that channel: by the time it is delivered, it is over.
  const own = `alert_failed:${CHANNEL_SUBJECT[channel.name]}`;
  for (const u of problems.flatMap((p) => p.units)) {
    const was = sent.get(u.key);
    if (u.key !== own && was !== u.fingerprint) pending.set(u.key, was === undefined ? "new" : "changed");
  }
  return pending;
}

async function alertChannel(deps: AlertDeps, channel: Channel, problems: readonly AlertProblem[]): Promise<ChannelReport> {
  const report: ChannelReport = { channel: channel.name, sent: [] };
  const sent = await deps.store.sent(channel.name);
  const pending = pendingOf(problems, sent, channel);
  const news = pendingProblems(problems, pending);
  if (news.length > 0) {
    const delivery = await deliver(deps, channel, problemsMessage(news, pending, deps.origin));
    report.sent.push({ kind: "problems", delivery });
    const told: AlertUnit[] = news.flatMap((p) => p.units.filter((u) => pending.has(u.key)));
    if (delivery.ok) await deps.store.markSent(channel.name, told);
  }
  const day = summaryDay(deps.origin.now);
  if (deps.db && summaryDue(deps.dailySummaryAt, deps.origin.now) && sent.get(SUMMARY_KEY) !== day) {
    const delivery = await deliver(deps, channel, await summaryMessage(deps.db, deps.origin));
    report.sent.push({ kind: "daily_summary", delivery });
    if (delivery.ok) await deps.store.markSent(channel.name, [{ key: SUMMARY_KEY, fingerprint: day }]);
  }
  await deps.store.forgetResolved(
    channel.name,
    problems.flatMap((p) => p.units.map((u) => u.key)),
  );
  return report;
}

/** The alerts after one run: what each channel was sent. Never throws. */
export async function alertAfterRun(deps: AlertDeps, run: RunEnd): Promise<ChannelReport[]> {
  const reports: ChannelReport[] = [];
  try {
    const failure = runFailure(run);
    const problems = [...(deps.db ? await currentProblems(deps.db, deps.origin.now) : []), ...(failure ? [failure] : [])];
    for (const channel of deps.channels) reports.push(await alertChannel(deps, channel, problems));
    await deps.store.keepOnly(deps.channels.map((c) => c.name));
  } catch (error) {
    deps.log.warn(`alerts: not all were sent (${(error as Error).message ?? String(error)}); the run goes on, and the next run sends what is still new.`);
  }
  return reports;
}
