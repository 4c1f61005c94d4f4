// The alerts after a run, as both faces call them: the command line after --auto (or a failure
// it ends on), and the desk's run (which the command line starts). A failing alert is logged and
// listed by status; it never changes the run's exit code, and nothing here throws.
import { hostname } from "node:os";
import { alertAfterRun, alertChannels, databaseStore, dropFileStore, fileStore, hasChannels, type ChannelReport, type RunEnd } from "../alerts/index.ts";
import { tryLock, unlock } from "../common/locks.ts";
import { folderFault, loadAlertSettings, type AlertsOnly, type Settings } from "../config/index.ts";
import { migrate, openDatabase, type Database } from "../db/index.ts";
import { databaseAuditLog, HttpClient, type AuditLog } from "../http/index.ts";
import { createLogger, FALLBACK_LOG_DIR, type Logger } from "./log.ts";

/** After a run, a webhook's Retry-After is not waited on for long: the next run tries again. */
const alertHttp = (audit: AuditLog) => new HttpClient({ audit, maxWaitMs: 5_000 });

const alertsOf = (s: Settings): AlertsOnly => ({ alerts: s.alerts, mode: s.mode, dataDir: s.dataDir });

/**
 * With the run's database: under the alerts lock (two runs ending at once never tell a person
 * the same thing twice; the one that finds it taken leaves it to the other), each channel told
 * what is new, every message recorded in api_calls.
 */
async function withDatabase(db: Database, only: AlertsOnly, log: Logger, run: RunEnd, now: Date): Promise<ChannelReport[]> {
  const session = await db.reserve();
  try {
    if (!(await tryLock(session, "alerts"))) {
      log.info("alerts: another shipdesk is sending them at this moment; it tells what is new");
      return [];
    }
    try {
      // What a failed run kept in a file is the database's to keep from now on.
      dropFileStore([only.dataDir, FALLBACK_LOG_DIR]);
      const audit = databaseAuditLog(db);
      const deps = { store: databaseStore(db), channels: alertChannels(only.alerts, alertHttp(audit), audit), log, db, origin: { host: hostname(), mode: only.mode, now }, dailySummaryAt: only.alerts.dailySummaryAt };
      return await alertAfterRun(deps, run);
    } finally {
      await unlock(session, "alerts");
    }
  } finally {
    await session.release();
  }
}

/** The alerts after a run that could use its database (--auto's steps, the desk). Never throws. */
export async function alertsAfterRun(app: { settings: Settings; db: Database }, log: Logger, run: RunEnd, now: Date = new Date()): Promise<ChannelReport[]> {
  if (!hasChannels(app.settings.alerts)) return [];
  try {
    return await withDatabase(app.db, alertsOf(app.settings), log, run, now);
  } catch (error) {
    log.warn(`alerts: none sent (${(error as Error).message ?? String(error)}); the run goes on, and the next run sends what is new.`);
    return [];
  }
}

/** A run that failed (exit 2 or 4) where it stood: what is known of its settings and its database. */
export interface FailedRun {
  run: RunEnd;
  /** Undefined when the settings were refused: then [alerts] is read on its own. */
  settings: Settings | undefined;
  configPath: string | undefined;
  log: Logger | undefined;
  /** False when the failure was the database itself, or the settings that name it. */
  databaseUsable: boolean;
}

/** Without the database, the calls are on record in the log. */
const loggedAudit = (log: Logger): AuditLog => ({
  async record(e) {
    log.info(`alerts: ${e.endpoint} ${e.method} ${e.url} attempt ${e.attempt}: ${e.isSuccess ? "delivered" : "not delivered"} (${e.statusCode ?? e.error ?? "no answer"}); not in api_calls: no database`);
  },
});

/**
 * The alert for a run that stopped on its settings or on a bug, sent if the settings that name
 * the channels can be read; what cannot be sent is in the log. The database is used if it can
 * be; otherwise what was told is kept in a file beside it, so the next run failing the same way
 * tells nobody again. Never throws.
 */
export async function alertsAfterFailure(f: FailedRun, now: Date = new Date()): Promise<ChannelReport[]> {
  let only: AlertsOnly;
  try {
    only = f.settings ? alertsOf(f.settings) : loadAlertSettings({ configPath: f.configPath });
  } catch (error) {
    (f.log ?? createLogger({ dataDir: FALLBACK_LOG_DIR, echo: false })).warn(`alerts: none sent for this failure: ${(error as Error).message}`);
    return [];
  }
  if (!hasChannels(only.alerts)) return [];
  const folder = folderFault(only.dataDir) === undefined ? only.dataDir : FALLBACK_LOG_DIR;
  const log = f.log ?? createLogger({ dataDir: folder, echo: false });
  try {
    const db = f.settings && f.databaseUsable ? await openedDatabase(f.settings) : undefined;
    if (db) {
      try {
        return await withDatabase(db, only, log, f.run, now);
      } finally {
        await db.close();
      }
    }
    const audit = loggedAudit(log);
    const deps = { store: fileStore(folder), channels: alertChannels(only.alerts, alertHttp(audit), audit), log, db: undefined, origin: { host: hostname(), mode: only.mode, now }, dailySummaryAt: undefined };
    return await alertAfterRun(deps, f.run);
  } catch (error) {
    log.warn(`alerts: none sent for this failure (${(error as Error).message ?? String(error)}).`);
    return [];
  }
}

async function openedDatabase(settings: Settings): Promise<Database | undefined> {
  let db: Database | undefined;
  try {
    db = await openDatabase(settings);
    await migrate(db);
    return db;
  } catch {
    await db?.close().catch(() => {});
    return undefined;
  }
}
