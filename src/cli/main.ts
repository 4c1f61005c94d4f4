import { checkDataFolder, hasAlertChannels, loadSettings, type Settings } from "../config/index.ts";
import { migrate, openDatabase } from "../db/index.ts";
import { openApp, type App, type Desk } from "../app/app.ts";
import { parseArgs, type Args } from "./args.ts";
import { EXIT, type ExitCode } from "../app/exit-codes.ts";
import { writeLine } from "../app/console-text.ts";
import { reportFailure } from "./failure.ts";
import { closeOnInterrupt, interrupted } from "../app/interrupt.ts";
import { createLogger, type Logger } from "../app/log.ts";
import { recordRun } from "../app/run-record.ts";
import { timeBudget } from "./time-budget.ts";
import { combine, type CommandResult } from "../app/commands/result.ts";
import { DATABASE_COMMANDS, databaseCommand } from "./database-commands.ts";

const print = (text: string) => writeLine(process.stdout, text);
const printError = (text: string) => writeLine(process.stderr, text);

/**
 * Runs one command; returns the exit code. Never throws: every failure ends in a sentence.
 * `desk` is the clerk's desk, handed in by the entry (src/cli.ts), which dispatches to both.
 */
export async function main(argv: readonly string[], version: string, desk: () => Promise<Desk>): Promise<ExitCode> {
  let log: Logger | undefined;
  let settings: Settings | undefined;
  let args: Args | undefined;
  let said: string | undefined;
  const fail = (error: unknown) =>
    reportFailure(error, log, (line) => printError((said = line)), settings);
  // An error thrown outside any awaited work (a library's timer, a stray rejection) still ends
  // in the clerk's sentence and the log, never in a stack trace on the screen.
  const lastResort = (error: unknown) => process.exit(fail(error));
  process.on("uncaughtException", lastResort);
  process.on("unhandledRejection", lastResort);
  try {
    args = parseArgs(argv);
    if (args.command === "demo") {
      const { demoCommand } = await import("./commands/demo.ts");
      return await demoCommand(args, print);
    }
    settings = loadSettings({ configPath: args.config });
    // Before the log or the database touch it: a file or a device in its place is a setting to fix.
    checkDataFolder(settings);
    log = createLogger({ dataDir: settings.dataDir, echo: args.auto || args.command !== "" });
    for (const warning of settings.warnings) log.warn(warning);

    if (args.command === "") {
      if (!process.stdin.isTTY) {
        printError("shipdesk needs a terminal to ask questions; under Task Scheduler or in a script run shipdesk --auto instead.");
        return EXIT.usage;
      }
      const interactive = await desk();
      const logger = log;
      return await withApp(settings, async (app) => {
        const code = await interactive(app, { version });
        // After the desk's run, as after a scheduled one: what is new is told, once.
        if (hasAlertChannels(app.settings.alerts)) await (await import("../app/after-run.ts")).alertsAfterRun(app, logger, { command: DESK, exitCode: code, sentence: undefined });
        return code;
      });
    }
    if (args.command === "migrate") return await migrateCommand(settings, log);
    if (DATABASE_COMMANDS.has(args.command)) return await databaseCommand(settings, args, log, print);
    if (args.command === "service") {
      // Quoted first (a service that misses Best Buy's promise is said so), then kept on the order.
      const { serviceCommand } = await import("./commands/service.ts");
      const a = { order: args.order!, service: args.drop ? null : args.service!, lateOk: args.lateOk };
      return await withApp(settings, async (app) => (await serviceCommand(app, a, print)).exitCode, log);
    }
    if (args.command === "serve") {
      const { serveCommand } = await import("./commands/serve.ts");
      const [logger, port] = [log, args.port];
      await withApp(settings, async (app) => {
        await serveCommand(app, port, print, logger);
        return EXIT.ok;
      });
      return EXIT.ok;
    }
    const [logger, a] = [log, args];
    return await withApp(settings, (app) => runRecorded(app, a, logger), logger);
  } catch (error) {
    // Ctrl-C closed the database under the work in hand: that is no failure to report.
    const stopping = interrupted();
    if (stopping) return await stopping;
    const code = fail(error);
    await alertFailure(code, { argv, args, settings, log, sentence: said });
    return code;
  }
}

/** How an alert names the run. */
const DESK = "the desk (shipdesk)";
const runName = (args: Args): string => (args.command === "" ? DESK : args.command === "auto" ? "shipdesk --auto" : `shipdesk ${args.command}${args.auto ? " --auto" : ""}`);

/**
 * A scheduled run (or the desk) that stopped on its settings or a folder (exit 2) or on a bug
 * (exit 4) still tells a person, if the settings that name the alert channels can be read.
 */
async function alertFailure(code: ExitCode, at: { argv: readonly string[]; args: Args | undefined; settings: Settings | undefined; log: Logger | undefined; sentence: string | undefined }): Promise<void> {
  const alerting = at.args ? at.args.auto || at.args.command === "" : at.argv.includes("--auto");
  if (!alerting || (code !== EXIT.usage && code !== EXIT.bug)) return;
  const command = at.args ? runName(at.args) : `shipdesk ${at.argv.join(" ")}`;
  const { alertsAfterFailure } = await import("../app/after-run.ts");
  await alertsAfterFailure({
    run: { command, exitCode: code, sentence: at.sentence, cause: at.sentence },
    settings: at.settings,
    configPath: at.args?.config,
    log: at.log,
    // Exit 2 from here is the settings, a folder or the database itself; a bug leaves the database usable.
    databaseUsable: code === EXIT.bug && at.settings !== undefined,
  });
}

/** With `log`, a headless run: Ctrl-C closes the database first (the desk and serve handle it). */
async function withApp(settings: Settings, work: (app: App) => Promise<ExitCode>, log?: Logger): Promise<ExitCode> {
  const app = await openApp(settings);
  const forget = log ? closeOnInterrupt(() => app.close(), log) : () => {};
  try {
    return await work(app);
  } finally {
    forget();
    await app.close();
  }
}

async function migrateCommand(settings: Settings, log: Logger): Promise<ExitCode> {
  const db = await openDatabase(settings);
  const forget = closeOnInterrupt(() => db.close(), log);
  try {
    const result = await migrate(db);
    // A new embedded database is a copy of the one shipped in shipdesk, migrated at build time.
    const created = db.created ? "new database, copied from the one shipped in shipdesk" : "";
    log.info(
      result.applied.length
        ? `database ${db.description}: ${created ? `${created}; ` : ""}applied ${result.applied.join(", ")}; schema version ${result.version}`
        : `database ${db.description}: ${created || "schema already up to date"} (version ${result.version})`,
    );
    return EXIT.ok;
  } finally {
    forget();
    await db.close();
  }
}

/** The headless commands: each recorded in `runs`, ending with one summary line. */
async function runRecorded(app: App, args: Args, log: Logger): Promise<ExitCode> {
  log.info(`shipdesk ${args.command === "auto" ? "--auto" : args.command}: ${app.where}`);
  const result = await recordRun(app.db, args.command, args.auto ? "auto" : "interactive", () => runCommand(app, args, log));
  // A scheduled run tells a person what is new (before its summary, which stays the last line).
  if (args.auto && hasAlertChannels(app.settings.alerts)) await (await import("../app/after-run.ts")).alertsAfterRun(app, log, { command: runName(args), exitCode: result.exitCode, sentence: result.line });
  log.info(`summary: ${result.line} (exit ${result.exitCode})`);
  return result.exitCode;
}

async function runCommand(app: App, args: Args, log: Logger): Promise<CommandResult> {
  if (!args.auto) return runSteps(app, args, log, undefined);
  const budget = timeBudget(app.settings.run.maxMinutes, log);
  try {
    return await runSteps(app, args, log, budget.signal);
  } finally {
    budget.dispose();
  }
}

async function runSteps(app: App, args: Args, log: Logger, signal: AbortSignal | undefined): Promise<CommandResult> {
  const { syncCommand } = await import("../app/commands/sync.ts");
  const { shipCommand } = await import("../app/commands/ship.ts");
  const { trackCommand } = await import("../app/commands/track.ts");
  switch (args.command) {
    case "orders sync":
      return syncCommand(app, log, args.accept || undefined);
    case "ship":
      return shipCommand(app, log, args.retry, signal ? { signal } : {});
    case "track":
      return trackCommand(app, log, args.retry, signal);
    case "manifest":
      return (await import("./commands/manifest.ts")).manifestCommand(app, log);
    case "print":
      return (await import("../app/commands/print.ts")).printCommand(app, log, args.order!, args.again);
    case "printer test":
      return (await import("../app/commands/print.ts")).printerTestCommand(app, log, { dryRun: args.dryRun, out: args.out });
    case "proof":
      return (await import("../app/commands/parcels.ts")).proofCommand(app, log, args.order!);
    case "void":
      return (await import("./commands/void.ts")).voidCommand(app, log, { order: args.order!, reason: args.reason, reship: args.reship, email: args.email });
    case "auto": {
      // Each workflow runs whatever happened to the one before: a Best Buy outage never stops labels.
      const sync = await syncCommand(app, log, undefined);
      const { shipAndTrack } = await import("./commands/ship-and-track.ts");
      const { ship, track } = await shipAndTrack(app, log, undefined, signal);
      // Each parcel's journey, once Best Buy has the new tracking numbers.
      const { watchCommand } = await import("../app/commands/parcels.ts");
      const watch = await watchCommand(app, log, signal ? { signal } : {});
      const steps = [sync, ship, track, watch];
      if (signal?.aborted) log.info("end of day left for the next run: this run's time (run.max_minutes) is spent");
      else {
        const endOfDay = await (await import("./commands/manifest.ts")).manifestIfDue(app, log);
        if (endOfDay) steps.push(endOfDay);
      }
      return { exitCode: combine(steps.map((s) => s.exitCode)), line: steps.map((s) => s.line).join("; ") };
    }
    default:
      throw new Error(`no handler for command "${args.command}"`);
  }
}
