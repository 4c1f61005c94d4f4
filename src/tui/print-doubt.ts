import * as p from "@clack/prompts";
import type { App } from "../app/app.ts";
import { printCommand } from "../app/commands/print.ts";
import type { Logger } from "../app/log.ts";
import { markSeenPrinted } from "../printing/index.ts";
import { needsAttention } from "../status/index.ts";
import { orStop, STOP, type Stop } from "./stop.ts";

/**
 * The labels a stopped run was sending to the printer may have printed: the desk asks, one by
 * one, before anything is sent again (never a second copy the clerk did not ask for).
 */
export async function askAboutDoubtfulPrints(app: App, log: Logger, signal: AbortSignal): Promise<Stop | undefined> {
  if (!app.printer) return undefined;
  const doubtful = (await needsAttention(app.db)).filter((a) => a.kind === "print_in_doubt").flatMap((a) => a.orderIds);
  for (const orderId of doubtful) {
    const choice = orStop(
      await p.select({
        message: `The label of order ${orderId} was being sent to the printer when shipdesk stopped. Did it print?`,
        options: [
          { value: "printed", label: "Yes, it printed", hint: "recorded as printed; not sent again" },
          { value: "again", label: "No, print it now" },
          { value: "later", label: "Not sure: leave it", hint: "shipdesk status keeps listing it" },
        ],
        signal,
      }),
    );
    if (choice === STOP) return STOP;
    if (choice === "printed") await markSeenPrinted(app.db, orderId);
    if (choice === "again") {
      const r = await printCommand(app, log, orderId, true);
      p.log[r.exitCode === 0 ? "success" : "warn"](r.line.replace(/^print: /, ""));
    }
  }
  return undefined;
}
