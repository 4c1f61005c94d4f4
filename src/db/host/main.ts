import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DatabaseError, embeddedDamage } from "../errors.ts";
import { openEmbeddedPglite, type OpenPglite } from "../embedded.ts";
import { migrate } from "../migrate.ts";
import { pgliteDatabase } from "../pglite.ts";
import { recordTableSizes, refuseShrunkTables } from "../whole.ts";
import forgetClient from "../../../sql/host/forget_client.sql" with { type: "text" };
import parametersSql from "../../../sql/host/parameters.sql" with { type: "text" };
import sessionLocks from "../../../sql/host/session_locks.sql" with { type: "text" };
import { HOST_PROTOCOL, readHostFile, removeHostFile, writeHostFile, type HostFile } from "./file.ts";
import { listen } from "./listener.ts";
import { scramKeys } from "./scram.ts";
import { Turns, type Backend } from "./turns.ts";

/**
 * A host with no client for this long closes PGlite and exits: the next shipdesk starts another.
 * Long enough that a scheduled run's steps, or the print page's requests, find it still there.
 */
export const IDLE_SECONDS = 30;

/**
 * SHIPDESK_HOST_IDLE_SECONDS (whole seconds, 1 to 86400) instead of IDLE_SECONDS: a PC whose
 * scheduled runs come every minute keeps the host up between them; the tests wait seconds,
 * not half a minute. The host reads it from the environment of the shipdesk that started it.
 */
export function hostIdleSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHIPDESK_HOST_IDLE_SECONDS?.trim();
  const n = raw && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 && n <= 86_400 ? n : IDLE_SECONDS;
}
/** As in src/db/pglite.ts: JSC collects PGlite's garbage late; every 50 units keeps memory down. */
const UNITS_PER_COLLECTION = 50;

/** What a host that could not open the folder tells the process that started it. */
export interface HostReport {
  message: string;
  code?: string | undefined;
  fix?: string | undefined;
}

function report(path: string, error: unknown): void {
  const r: HostReport =
    error instanceof DatabaseError ? { message: error.message, code: error.code, fix: error.fix } : { message: error instanceof Error ? error.message : String(error) };
  try {
    writeFileSync(path, JSON.stringify(r));
  } catch {
    // the starter then says the host stopped without a word
  }
}

function backendOf(opened: OpenPglite): Backend {
  let units = 0;
  return {
    async run(bytes) {
      if (++units % UNITS_PER_COLLECTION === 0) Bun.gc(false);
      return opened.pg.execProtocolRaw(bytes);
    },
    async forget(client) {
      await opened.pg.query(forgetClient, [client]);
    },
  };
}

/**
 * The embedded database's host: `shipdesk __db-host <folder> <program> <report>`, started
 * detached by the first shipdesk that needs the folder (src/db/host/start.ts). It alone opens
 * PGlite (holding the folder's lock), brings the schema up to date, and serves PostgreSQL's
 * protocol on 127.0.0.1 to every shipdesk of the PC, one unit of work at a time.
 */
export async function runHost([folder, program, reportPath]: string[]): Promise<number> {
  if (!folder || !program || !reportPath) return 2;
  const secret = randomBytes(24).toString("base64url");
  const file: HostFile = { protocol: HOST_PROTOCOL, pid: process.pid, state: "starting", port: 0, secret, program, since: new Date().toISOString(), folder: resolve(folder) };
  let opened: OpenPglite;
  try {
    opened = await openEmbeddedPglite(folder, `shipdesk's database host, started by ${program}`, () => writeHostFile(folder, file));
  } catch (error) {
    removeHostFile(folder); // a refused folder is left exactly as it was
    report(reportPath, error);
    return 1;
  }
  const database = pgliteDatabase(opened.pg, { description: `embedded PostgreSQL in ${folder}` });
  let closing = false;
  let checked = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    removeHostFile(folder);
    if (checked) await recordTableSizes(database).catch(() => {});
    await opened.pg.close().catch(() => {});
    opened.release();
    process.exit(code);
  };
  try {
    // Before the migrations touch it: a folder refused is left as it was.
    await refuseShrunkTables(database, folder);
    checked = true;
    await migrate(database);
    await recordTableSizes(database);
    await database.exec(sessionLocks);
    const parameters = (await database.query<Record<string, string>>(parametersSql))[0] ?? {};
    const turns = new Turns(backendOf(opened), () => void shutdown(1));
    let idleSince: number | undefined = Date.now();
    const { port } = await listen({
      keys: scramKeys(secret),
      turns,
      parameters,
      onClients: (count) => (idleSince = count === 0 ? Date.now() : undefined),
    });
    writeHostFile(folder, { ...file, state: "ready", port, created: opened.created });
    const idleSeconds = hostIdleSeconds();
    // Gone idle, or the host file is no longer this host's (the folder was removed): exit.
    let missing = 0;
    setInterval(() => {
      missing = readHostFile(folder)?.pid === process.pid ? 0 : missing + 1;
      if (missing >= 2 || (idleSince !== undefined && Date.now() - idleSince > idleSeconds * 1000)) void shutdown(0);
    }, 1000);
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
    return await new Promise<number>(() => {});
  } catch (error) {
    // PostgreSQL's own words for a damaged file (a relation file gone, a page unreadable) name
    // the folder and the fix for the clerk, as they would from a client's query.
    report(reportPath, embeddedDamage(error, folder) ?? error);
    await shutdown(1);
    return 1;
  }
}
