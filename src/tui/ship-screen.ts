import type { App } from "../app/app.ts";
import { buyAgain } from "../app/commands/buy-again.ts";
import { logShippingEvent, shippingLine } from "../app/describe.ts";
import type { Logger } from "../app/log.ts";
import { recordRun } from "../app/run-record.ts";
import { shippingExitCode } from "../app/commands/ship.ts";
import { EXIT } from "../app/exit-codes.ts";
import type { CommandResult } from "../app/commands/result.ts";
import { mergeSummaries, runShipping, type ShippingEvent, type ShippingSummary } from "../shipping/index.ts";
import { shipOptions, type Review } from "./batch.ts";
import { advance, progressText, startProgress } from "./progress.ts";
import { summaryBlocks } from "./summary.ts";
import { deskStep } from "./desk-step.ts";
import { autoPrinter } from "../app/commands/auto-print.ts";
import { combine } from "../app/commands/result.ts";
import { say } from "./say.ts";

export interface Bought extends CommandResult {
  summary: ShippingSummary;
  /** Ctrl-C came while buying: the labels under way were finished, no new one started. */
  interrupted: boolean;
}

export const FIRST_CTRL_C = "Ctrl-C: finishing the labels already asked for and saving them, starting no new one (Ctrl-C again stops at once)...";

/**
 * Steps 7 and 8: buys exactly the confirmed orders (new labels, and refused or voided ones put
 * back in the batch), with progress, then the summary. The first Ctrl-C starts no new label and
 * lets those under way finish (bought, saved, on record) before the summary; a second one stops
 * at once, the database closed, exit 3, and the next run finishes what was under way.
 */
export async function buyLabels(app: App, review: Review, log: Logger): Promise<Bought> {
  const options = shipOptions(review);
  const progress = startProgress([...options.only, ...options.refused, ...options.voided]);
  const work = deskStep(app, log, progressText(progress), FIRST_CTRL_C);
  const onEvent = (e: ShippingEvent) => {
    advance(progress, e);
    work.message(progressText(progress));
  };
  let result: CommandResult & { summary: ShippingSummary };
  try {
    result = await recordRun(app.db, "ship", "interactive", async () => {
      // printer.auto_print: each label goes to the printer as soon as it is saved.
      const printer = autoPrinter(app, log);
      const withPrinter = (e: ShippingEvent) => {
        onEvent(e);
        printer.onEvent(e);
      };
      let summary = await runNew(app, log, options, work.signal, withPrinter);
      if (options.refused.length + options.voided.length > 0) {
        const again = await buyAgain(app, log, { refused: options.refused, voided: options.voided }, { ...options, signal: work.signal, onEvent: withPrinter });
        summary = mergeSummaries(summary, again.summary);
        for (const r of again.refusals) summary.skipped.push({ orderId: r.orderId, reasons: [r.message] });
      }
      const printed = await printer.finish();
      const exitCode = work.stopped() ? EXIT.unreachable : combine([shippingExitCode(summary), printed?.exitCode ?? EXIT.ok]);
      return { exitCode, line: printed ? `${shippingLine(summary)}; ${printed.line}` : shippingLine(summary), summary };
    });
  } catch (error) {
    work.done("Stopped on an error.", "error");
    throw error;
  }
  work.done(`Done: ${result.line}`, work.stopped() ? "stopped" : "ok");
  for (const block of summaryBlocks(result.summary)) say[block.tone](block.text);
  return { ...result, interrupted: work.stopped() };
}

async function runNew(app: App, log: Logger, options: ReturnType<typeof shipOptions>, signal: AbortSignal, onEvent: (e: ShippingEvent) => void): Promise<ShippingSummary> {
  const deps = app.shippingDeps({
    onEvent: (e) => {
      logShippingEvent(log, e);
      onEvent(e);
    },
  });
  return runShipping(deps, { only: options.only, weights: options.weights, choices: options.choices, signal });
}
