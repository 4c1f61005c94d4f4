import * as p from "@clack/prompts";
import type { App } from "../app/app.ts";
import { syncCommand } from "../app/commands/sync.ts";
import { combine, type CommandResult } from "../app/commands/result.ts";
import { EXIT, type ExitCode } from "../app/exit-codes.ts";
import { createLogger } from "../app/log.ts";
import { recordRun } from "../app/run-record.ts";
import { checkBeforeBuying } from "../shipping/index.ts";
import { formatAttention, needsAttention, type Attention } from "../status/index.ts";
import { offerPrintPage, offerTracking } from "./after-screen.ts";
import { batchPrice, confirmText, startReview } from "./batch.ts";
import { priceForReview } from "./pricing.ts";
import { reviewBatch } from "./review-screen.ts";
import { notedText, screenLogger } from "./screen-log.ts";
import { buyLabels } from "./ship-screen.ts";
import { deskOrders } from "./desk-orders.ts";
import { deskStep } from "./desk-step.ts";
import { askAboutDoubtfulPrints } from "./print-doubt.ts";
import { NOTHING_BOUGHT, orStop, STOP } from "./stop.ts";
import { ask, lastWords, say } from "./say.ts";
import { waitingAfter } from "./review-store.ts";
import { localDayRange } from "../common/calendar.ts";

/**
 * The clerk's shipping desk: new orders from Best Buy, the batch to review, one confirm, the
 * labels bought with progress, a summary, then tracking and the print page. Nothing is bought
 * before the confirm; Ctrl-C or Esc at any question before it ends with nothing bought.
 */
export async function interactive(app: App, options: { version: string }): Promise<ExitCode> {
  // A closed terminal window resolves every open prompt as a cancel, so the database (and the
  // embedded folder's lock) is closed properly instead of the process hanging on a dead TTY.
  const hangup = new AbortController();
  const abort = () => hangup.abort();
  process.once("SIGHUP", abort);
  process.once("SIGTERM", abort);
  try {
    return await desk(app, options.version, hangup.signal);
  } finally {
    process.removeListener("SIGHUP", abort);
    process.removeListener("SIGTERM", abort);
  }
}

async function desk(app: App, version: string, signal: AbortSignal): Promise<ExitCode> {
  const codes: ExitCode[] = [];
  const log = screenLogger(createLogger({ dataDir: app.settings.dataDir, echo: false }));
  p.intro(`shipdesk ${version}`);
  showWhere(app);

  // Step 2: new orders from Best Buy.
  const syncing = deskStep(app, log, "Getting new orders from Best Buy...", "Ctrl-C: stopping once the sync is finished (Ctrl-C again stops at once)...");
  let sync: CommandResult;
  try {
    sync = await recordRun(app.db, "orders sync", "interactive", () => syncCommand(app, log, undefined));
  } catch (error) {
    syncing.done("Stopped on an error.", "error");
    throw error;
  }
  syncing.done(sync.line, syncing.stopped() ? "stopped" : "ok");
  codes.push(sync.exitCode);
  for (const n of log.take()) say[n.level](notedText(n));
  if (syncing.stopped()) return stoppedWorking(NOTHING_BOUGHT, codes);
  await showAttention(app, OUTSIDE_THE_REVIEW);
  if ((await askAboutDoubtfulPrints(app, log, signal)) === STOP) return await stopped(app, NOTHING_BOUGHT, codes);

  // Steps 3 to 6: review and confirm; nothing is bought before the confirm.
  let boughtAny = false;
  const orders = await deskOrders(app);
  // A setting or folder that would stop every label is said before the batch is shown.
  const ready = await checkBeforeBuying(app.shippingDeps().purchaseCheck, orders);
  if (ready.note) say.warn(ready.note);
  if (ready.problem) return stoppedWorking(ready.problem, [...codes, EXIT.usage]);
  const priced = await priceForReview(app, log, orders);
  if (priced.stopped) return stoppedWorking(NOTHING_BOUGHT, codes);
  let review = startReview(orders, priced.choices);
  if (review.rows.length === 0) say.info("No orders are waiting for a label.");
  else {
    const reviewed = await reviewBatch(app, review, signal);
    if (reviewed === STOP) return await stopped(app, NOTHING_BOUGHT, codes);
    review = reviewed;
    if (review.selected.size === 0) say.info("No orders in the batch: no labels bought.");
    else {
      const go = orStop(await p.confirm({ message: ask(confirmText(review.selected.size, app.settings.mode, batchPrice(review))), initialValue: true, signal }));
      if (go === STOP || !go) return await stopped(app, NOTHING_BOUGHT, codes);

      // Steps 7 and 8.
      const bought = await buyLabels(app, review, log);
      codes.push(bought.exitCode);
      boughtAny = bought.summary.created.length + bought.summary.recovered.length > 0;
      log.take(); // already shown, in the summary's words
      if (bought.interrupted) {
        return stoppedWorking("Stopped after the labels already asked for: those bought are saved; the rest wait for the next run, and shipdesk track sends the tracking.", codes);
      }
    }
  }

  // Step 9: tracking and printing, for this batch and anything earlier runs left; neither is
  // offered when there is nothing to send or print.
  const today = localDayRange(new Date()).start;
  if ((await waitingAfter(app.db, today)).toTrack > 0) {
    const tracked = await offerTracking(app, log, signal);
    if (tracked === STOP) return await stopped(app, boughtAny ? "Stopped: the labels bought are saved; shipdesk track sends their tracking later." : NOTHING_BOUGHT, codes);
    if (tracked) codes.push(tracked.exitCode);
    if (tracked?.interrupted) return stoppedWorking("Stopped after the orders already sent to Best Buy; shipdesk track sends the rest.", codes);
  }
  if ((await waitingAfter(app.db, today)).toPrint > 0) {
    const printed = await offerPrintPage(app, log, signal);
    if (printed === STOP) return await stopped(app, "Stopped: the label page is closed; shipdesk serve opens it again.", codes);
  }
  return await ending(app, codes);
}

/** What the review screen shows by itself (orders that cannot ship, refused or voided labels). */
const OUTSIDE_THE_REVIEW = (a: Attention) => a.kind !== "problem" && a.kind !== "label_failed" && a.kind !== "voided_no_label";

/** `shipdesk status`'s own list (all of it, or `which`), each reason once with its fix. */
async function showAttention(app: App, which: (a: Attention) => boolean = () => true): Promise<Attention[]> {
  const attention = (await needsAttention(app.db)).filter(which);
  if (attention.length > 0) say.warn(`Needs a person (${attention.length}):\n${attention.map((a) => formatAttention(a, "")).join("\n")}`);
  return attention;
}

/**
 * The desk's last word agrees with `shipdesk status`: "some orders need a person" (exit 1)
 * exactly when status lists something, whatever the steps said on the way (an order the sync
 * found a problem with may have been fixed and shipped since).
 */
async function ending(app: App, codes: readonly ExitCode[]): Promise<ExitCode> {
  const attention = await showAttention(app);
  const code = agreeingWithStatus(codes, attention);
  p.outro(
    lastWords(
      code === EXIT.ok
        ? "All done."
        : code === EXIT.needsPerson
          ? `Done; ${attention.length} thing(s) need a person (above, and in shipdesk status).`
          : "Done, but Canada Post or Best Buy could not be reached for everything; run shipdesk again later.",
    ),
  );
  return code;
}
function showWhere(app: App): void {
  say.info(`Connected: ${app.where}`);
  if (app.settings.mode === "live") say.warn("LIVE: labels bought here are real and billed to your Canada Post account.");
  else say.warn(`SANDBOX: ${app.sandboxes ? "built-in " : ""}test servers. Nothing is bought and nothing reaches Best Buy.`);
}

/** The clerk said no at a question: nothing under way was cut short; the code agrees with status. */
async function stopped(app: App, sentence: string, codes: readonly ExitCode[]): Promise<ExitCode> {
  p.cancel(lastWords(sentence));
  return agreeingWithStatus(codes, await needsAttention(app.db));
}

/** The steps' codes, "needs a person" taken from what status lists now rather than from the steps. */
function agreeingWithStatus(codes: readonly ExitCode[], attention: readonly Attention[]): ExitCode {
  return combine([...codes.filter((c) => c !== EXIT.needsPerson), attention.length > 0 ? EXIT.needsPerson : EXIT.ok]);
}

/** Ctrl-C while the desk was working: the step finished cleanly; exit 3, the next run picks up. */
function stoppedWorking(sentence: string, codes: readonly ExitCode[]): ExitCode {
  p.cancel(lastWords(sentence));
  const serious = combine(codes);
  return serious === EXIT.bug || serious === EXIT.usage ? serious : EXIT.unreachable;
}
