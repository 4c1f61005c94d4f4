import { mkdtempSync, readdirSync, rmdirSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { embeddedFolder, stopHost } from "../../db/index.ts";
import { loadSettings, type Settings } from "../../config/index.ts";
import { saveCorrection } from "../../ship-to/index.ts";
import { formatStatus, statusReport } from "../../status/index.ts";
import { openApp } from "../../app/app.ts";
import type { Args } from "../args.ts";
import { EXIT, type ExitCode } from "../../app/exit-codes.ts";
import { closeOnInterrupt } from "../../app/interrupt.ts";
import { createLogger } from "../../app/log.ts";
import { shipCommand } from "../../app/commands/ship.ts";
import { syncCommand } from "../../app/commands/sync.ts";
import { trackCommand } from "../../app/commands/track.ts";
import { startPrintPage } from "../../app/commands/print-page.ts";
import { recordRun } from "../../app/run-record.ts";
import { watchCommand } from "../../app/commands/parcels.ts";
import { addBusinessDays, localDay } from "../../common/calendar.ts";
import { listParcels } from "../../parcels/index.ts";
import type { App } from "../../app/app.ts";
import type { Logger } from "../../app/log.ts";
import { describeParcel } from "./parcels.ts";

/** The demo's order whose address only has a unit, corrected as a clerk would (shipdesk address). */
const DEMO_CORRECTED = { orderId: "DEMO-NOSTREET-A", street1: "1675 Lower Water Street" };

const BANNER = "SANDBOX DEMO: built-in Canada Post and Best Buy sandboxes, a throwaway database. Nothing is bought, nothing reaches Best Buy.";

/**
 * Sandbox settings that ignore any shipdesk.toml and environment: a demo never goes live. Only
 * the Canada Post API is taken over (see demoApi), so the demo shows the Developer Portal's
 * sandbox to a shop set up for it.
 */
export function demoSettings(dataDir: string, labelsDir: string, api: string | undefined = process.env.CANADAPOST_API): Settings {
  const base = loadSettings({ env: api === "portal" ? { CANADAPOST_API: "portal" } : {}, cwd: dataDir, programDir: dataDir });
  return { ...base, mode: "sandbox", databaseUrl: undefined, dataDir, labelsDir };
}

/** CANADAPOST_API, else canadapost.api of the settings file if it reads; "xml" otherwise. */
function demoApi(args: Args): string | undefined {
  if (process.env.CANADAPOST_API) return process.env.CANADAPOST_API;
  try {
    return loadSettings({ configPath: args.config }).canadaPost.api;
  } catch {
    return undefined;
  }
}

/**
 * `shipdesk demo`: the whole cycle on a fresh machine with no settings at all. Orders come from
 * the Best Buy sandbox (one with a bad postal code, to show how problems look), labels are
 * bought from the Canada Post sandbox and saved in ./labels, tracking is pushed, then the
 * status and the print page.
 */
export async function demoCommand(args: Args, print: (line: string) => void): Promise<ExitCode> {
  const dataDir = mkdtempSync(join(tmpdir(), "shipdesk-demo-"));
  const labelsDir = resolve("labels");
  const settings = demoSettings(dataDir, labelsDir, demoApi(args));
  const log = createLogger({ dataDir });
  print(BANNER);
  // The demo's own clock, moved on below to show the parcels days later.
  const clock = { at: Date.now() };
  const app = await openApp(settings, {
    // A wait on the throttle (Canada Post's 20 tracking calls a minute) passes on this clock too.
    clock: { now: () => new Date(clock.at), sleep: async (ms) => void (clock.at += ms) },
    journeys: "every-kind",
    bestBuySandbox: {
      orders: 12,
      waitingOrders: 1,
      specialOrders: [
        { orderId: "DEMO-BADPOSTAL-A", address: { zip_code: "K1A 0Z" } },
        { orderId: DEMO_CORRECTED.orderId, address: { street_1: null, street_2: "Unit 9", city: "Halifax", state: "NS", zip_code: "B3J 1S9" } },
      ],
    },
  });
  let forget = closeOnInterrupt(async () => {
    await app.close();
    await removeDemoFolder(dataDir, print);
  }, log);
  try {
    log.info(`connected: ${app.where}`);
    // Each step is on record as a run, so the status printed at the end shows what the demo did.
    const run = <T extends { exitCode: number; line: string }>(command: string, work: () => Promise<T>) => recordRun(app.db, command, "demo", work);
    const sync = await run("orders sync", () => syncCommand(app, log, true));
    log.info(sync.line);
    const first = await run("ship", () => shipCommand(app, log, []));
    log.info(first.line);
    // What a clerk does for an order that waits for its address: the correction is kept beside
    // Best Buy's address, and the next run buys the label.
    const { orderId, street1 } = DEMO_CORRECTED;
    const corrected = await saveCorrection(app.db, orderId, { street1 }, { who: "shipdesk demo", via: "command" });
    log.info(`DEMO: as a clerk would with shipdesk address ${orderId} --line1 "${street1}": ${corrected.message}`);
    const again = await run("ship", () => shipCommand(app, log, []));
    log.info(`after the correction, ${again.line}`);
    const track = await run("track", () => trackCommand(app, log));
    log.info(track.line);
    await daysLater(app, clock, log, print, 6, true);
    await daysLater(app, clock, log, print, 30, false);
    print("");
    print(formatStatus(await statusReport(app.db)));
    print("");
    print(`Labels saved in ${labelsDir}`);
    const failed = [sync, first, again, track].some((r) => r.exitCode === EXIT.unreachable || r.exitCode === EXIT.bug);

    if (process.stdin.isTTY) {
      // Here Ctrl-C just ends the demo, like Enter.
      forget();
      forget = () => {};
      await showPrintPage(app, log, print);
    } else {
      // Without a terminal nothing waits while the page is open, and it ends with the demo: no
      // address is printed that is dead by the time anyone opens it.
      print("Print page: shown only when the demo runs in a terminal (it waits there while you look, and stops with the demo).");
    }
    print(`SANDBOX DEMO finished: ${sync.line}; ${first.line}; after the correction, ${again.line}; ${track.line}.`);
    return failed ? EXIT.unreachable : EXIT.ok;
  } finally {
    forget();
    await app.close();
    if (!args.keep) await removeDemoFolder(dataDir, print);
    else print(`Demo database kept in ${dataDir}`);
  }
}

/** The print page on any free port (never a clerk's own shipdesk serve's), until Enter or Ctrl-C. */
async function showPrintPage(app: App, log: Logger, print: (line: string) => void): Promise<void> {
  const server = startPrintPage(app, 0, log);
  try {
    print(`Print page: ${server.url}/ (open it in a browser to see the labels; it stops when the demo ends)`);
    print("Press Enter to finish the demo.");
    await new Promise<void>((done) => {
      process.stdin.once("data", () => done());
      process.once("SIGINT", () => done());
    });
    process.stdin.pause();
  } finally {
    await server.stop();
  }
}

/**
 * The sandbox's parcels, `days` working days on (its clock and the watch's move together): the
 * watch asks about each as it would then, and the demo lists them, or counts them by state.
 */
async function daysLater(app: App, clock: { at: number }, log: Logger, print: (line: string) => void, days: number, list: boolean): Promise<void> {
  const day = addBusinessDays(localDay(new Date()), days);
  clock.at = new Date(`${day}T15:00:00`).getTime();
  print("");
  print(`DEMO: ${days} working days later (${day} 15:00), as the parcels travel in the sandbox:`);
  log.info((await watchCommand(app, log, {})).line);
  const parcels = await listParcels(app.db);
  if (list) print(parcels.map(describeParcel).join("\n"));
  const counts = new Map<string, number>();
  for (const p of parcels) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
  print(`Parcels: ${[...counts].map(([state, n]) => `${state.replaceAll("_", " ")} ${n}`).join(", ")}`);
}

/**
 * The throwaway database goes. Bun's recursive delete fails under Wine (EFAULT, while deleting
 * file by file works), so that is the fallback; when even that fails (a virus scanner holding a
 * file on Windows) the demo still succeeded: say where the folder is instead. Its database host
 * goes first: Windows deletes no file a running process holds open.
 */
export async function removeDemoFolder(dir: string, print: (line: string) => void): Promise<void> {
  await stopHost(embeddedFolder(dir));
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    try {
      removeOneByOne(dir);
    } catch (error) {
      print(`The demo database in ${dir} could not be deleted (${(error as { code?: string }).code ?? "unknown error"}); delete the folder by hand if you like.`);
    }
  }
}

function removeOneByOne(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeOneByOne(path);
    else unlinkSync(path);
  }
  rmdirSync(dir);
}
