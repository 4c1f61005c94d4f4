import * as p from "@clack/prompts";
import type { App } from "../app/app.ts";
import type { CommandResult } from "../app/commands/result.ts";
import { startPrintPage } from "../app/commands/print-page.ts";
import { trackCommand } from "../app/commands/track.ts";
import type { Logger } from "../app/log.ts";
import { recordRun } from "../app/run-record.ts";
import { tryOpenBrowser } from "./browser.ts";
import { notedText, type screenLogger } from "./screen-log.ts";
import { orStop, STOP, type Stop } from "./stop.ts";
import { deskStep } from "./desk-step.ts";
import { DEFAULT_PORT } from "../app/commands/print-page.ts";
import { ask, say, sayNote } from "./say.ts";

/**
 * The desk follows the parcels with one minute's tracking allowance (Canada Post: 20 calls a
 * minute), so the clerk never waits on the throttle; --auto spends watch.calls_per_run.
 */
const DESK_WATCH_CALLS = 20;

/** Step 9a: tell Best Buy the tracking numbers and mark the orders shipped; then the parcels' news. */
export async function offerTracking(app: App, log: ReturnType<typeof screenLogger>, signal: AbortSignal): Promise<(CommandResult & { interrupted: boolean }) | undefined | Stop> {
  const go = orStop(
    await p.confirm({ message: ask("Send the tracking numbers to Best Buy now (marks the orders shipped)?"), initialValue: true, signal }),
  );
  if (go === STOP) return STOP;
  if (!go) {
    say.info("Tracking not sent; shipdesk track (or the next --auto run) sends it.");
    return undefined;
  }
  const step = deskStep(app, log, "Sending tracking to Best Buy...", "Ctrl-C: finishing the orders already sent to Best Buy, starting no new one (Ctrl-C again stops at once)...");
  let result: CommandResult;
  try {
    result = await recordRun(app.db, "track", "interactive", () => trackCommand(app, log, [], step.signal, Math.min(DESK_WATCH_CALLS, app.settings.watch.callsPerRun)));
  } catch (error) {
    step.done("Stopped on an error.", "error");
    throw error;
  }
  step.done(`Done: ${result.line}`, step.stopped() ? "stopped" : "ok");
  for (const n of log.take()) say[n.level](notedText(n));
  return { ...result, interrupted: step.stopped() };
}

/** Step 9b: the label page, until the clerk presses Enter. */
export async function offerPrintPage(app: App, log: Logger, signal: AbortSignal): Promise<Stop | undefined> {
  const go = orStop(await p.confirm({ message: ask("Open the label page to print the labels?"), initialValue: true, signal }));
  if (go === STOP) return STOP;
  if (!go) return undefined;
  const { server, moved } = startPage(app, log);
  try {
    const url = `${server.url}/`;
    if (moved) say.warn(`Port ${DEFAULT_PORT} is in use (another shipdesk serve, or another program), so the label page is on port ${server.port} this time: use the address below, not a bookmark of port ${DEFAULT_PORT}.`);
    sayNote([url], "Label page");
    say.info(tryOpenBrowser(url) ? "Opening it in the browser..." : "Open this address in the browser to print.");
    const done = await p.text({ message: ask("Press Enter when you are done printing (the label page stops then)"), signal });
    return orStop(done) === STOP ? STOP : undefined;
  } finally {
    await server.stop();
  }
}

/** The usual port, so the clerk's bookmark works; any free one when it is taken, said so (`moved`). */
function startPage(app: App, log: Logger) {
  try {
    return { server: startPrintPage(app, undefined, log), moved: false };
  } catch (error) {
    if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
    return { server: startPrintPage(app, 0, log), moved: true };
  }
}
