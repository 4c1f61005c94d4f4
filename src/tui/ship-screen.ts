import * as p from "@clack/prompts";
import type { App } from "../cli/app.ts";
import { logShippingEvent, shippingLine } from "../cli/describe.ts";
import type { Logger } from "../cli/log.ts";
import { recordRun } from "../cli/run-record.ts";
import { shippingExitCode } from "../cli/commands/ship.ts";
import type { CommandResult } from "../cli/commands/result.ts";
import { runShipping, type ShippingSummary } from "../shipping/index.ts";
import { shipOptions, type Review } from "./batch.ts";
import { advance, progressText, startProgress } from "./progress.ts";
import { summaryBlocks } from "./summary.ts";

export interface Bought extends CommandResult {
  summary: ShippingSummary;
  /** Ctrl-C came while buying: the labels under way were finished, no new one started. */
  interrupted: boolean;
}

/** Steps 7 and 8: buys exactly the confirmed orders, with progress, then the summary. */
export async function buyLabels(app: App, review: Review, log: Logger): Promise<Bought> {
  const options = shipOptions(review);
  const progress = startProgress(options.only);
  let interrupted = false;
  const stop = new AbortController();
  // Ctrl-C starts no new label but lets the ones under way finish: a label half-bought would be
  // safe (the next run finishes it), but one finished now is one the clerk can print now.
  const spin = p.spinner({
    cancelMessage: "Ctrl-C: finishing the labels already asked for, starting no new one...",
    onCancel: () => {
      interrupted = true;
      stop.abort();
    },
  });
  spin.start(progressText(progress));
  let result: CommandResult & { summary: ShippingSummary };
  try {
    result = await recordRun(app.db, "ship", "interactive", async () => {
      const deps = app.shippingDeps({
        onEvent: (e) => {
          logShippingEvent(log, e);
          advance(progress, e);
          if (!interrupted) spin.message(progressText(progress));
        },
      });
      const summary = await runShipping(deps, { ...options, signal: stop.signal });
      return { exitCode: shippingExitCode(summary), line: shippingLine(summary), summary };
    });
  } catch (error) {
    if (!interrupted) spin.error("Stopped on an error.");
    throw error;
  }
  if (!interrupted) spin.stop(`Done: ${result.line}`);
  else p.log.step(`Done: ${result.line}`);
  for (const block of summaryBlocks(result.summary)) p.log[block.tone](block.text);
  return { ...result, interrupted };
}
