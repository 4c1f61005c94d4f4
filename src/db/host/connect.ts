import { connect } from "node:net";
import type { Database } from "../database.ts";
import { DatabaseError, isConnectionFailure } from "../errors.ts";
import { alive, lockHolder } from "../lock.ts";
import { programOf } from "../program.ts";
import { openServerDatabase } from "../server.ts";
import { HOST_PROTOCOL, readHostFile, type HostFile } from "./file.ts";
import { startHost, type StartedHost } from "./start.ts";

/**
 * How long a shipdesk waits for the folder's host: while it opens a new folder or brings the
 * schema of a new version up to date, or while a host of an older shipdesk finishes.
 */
export const WAIT_SECONDS = 60;
/** An older shipdesk holding the folder itself: asked again this often. */
const RETRY_MS = 1000;

function busy(folder: string, file: HostFile | undefined, locked: DatabaseError | undefined, seconds: number): DatabaseError {
  const fix = "wait for it to finish (or close it), then run shipdesk again";
  if (file && alive(file.pid)) {
    const who = `${file.program}, process ${file.pid}`;
    const what =
      file.protocol !== HOST_PROTOCOL
        ? `is open in another version of shipdesk (${who}), which did not let go of it within ${seconds} s`
        : `is being opened by ${who} (a new version brings it up to date first), which did not finish within ${seconds} s`;
    return new DatabaseError(`The embedded database in ${folder} ${what}`, { code: "LOCKED", fix });
  }
  if (locked) return locked;
  const holder = lockHolder(folder);
  const who = holder ? `${holder.program}, process ${holder.pid}` : "another shipdesk";
  return new DatabaseError(`The embedded database in ${folder} is in use by ${who}`, { code: "LOCKED", fix });
}

/** The folder's host, ready: the one running, or one this process starts. */
export async function findHost(folder: string, program: string, waitSeconds: number): Promise<{ file: HostFile; mine: boolean }> {
  const deadline = Date.now() + waitSeconds * 1000;
  let started: StartedHost | undefined;
  let locked: DatabaseError | undefined;
  for (;;) {
    const file = readHostFile(folder);
    const live = file !== undefined && alive(file.pid);
    if (live && file.protocol === HOST_PROTOCOL && file.state === "ready") return { file, mine: file.pid === started?.pid };
    if (!live && (!started || started.exited)) {
      const failure = started?.failure();
      if (failure && failure.code !== "LOCKED") throw new DatabaseError(failure.message, failure);
      if (failure) locked = new DatabaseError(failure.message, failure);
      if (!started || Date.now() - started.startedAt >= RETRY_MS) started = startHost(folder, program);
    }
    if (Date.now() > deadline) throw busy(folder, file, locked, waitSeconds);
    await Bun.sleep(25);
  }
}

export interface HostedOptions {
  waitSeconds?: number;
  program?: string;
}

/**
 * The embedded database as every shipdesk process uses it: through the folder's host, with
 * postgres.js, as if it were a server (no WebAssembly in this process). Each new connection
 * finds the host afresh, so a host that exited or was killed is replaced by the next query.
 */
export async function openHostedDatabase(folder: string, options: HostedOptions = {}): Promise<Database> {
  const waitSeconds = options.waitSeconds ?? WAIT_SECONDS;
  const program = options.program ?? programOf();
  const deadline = Date.now() + waitSeconds * 1000;
  let current: HostFile | undefined;
  let created = false;
  // The pool's connections open together: they wait for one search (one host started), not four.
  let finding: Promise<{ file: HostFile; mine: boolean }> | undefined;
  const socket = async () => {
    finding ??= findHost(folder, program, waitSeconds).finally(() => (finding = undefined));
    const found = await finding;
    current = found.file;
    created ||= found.mine && found.file.created === true;
    return connect(found.file.port, "127.0.0.1");
  };
  for (;;) {
    try {
      return await openServerDatabase("postgres://shipdesk@127.0.0.1/shipdesk", {
        max: 4,
        kind: "embedded",
        description: `embedded PostgreSQL in ${folder}`,
        get created() {
          return created;
        },
        socket,
        password: () => current?.secret ?? "",
        unreachable: (error) =>
          new DatabaseError(`The embedded database in ${folder} stopped answering (its host, process ${current?.pid ?? "?"}, ended)`, {
            code: (error as { code?: string }).code,
            fix: "run shipdesk again: the next run opens it again, and nothing committed is lost",
            cause: error,
          }),
      });
    } catch (error) {
      // The host went idle and exited just as this process came: find (or start) it again.
      const cause = error instanceof DatabaseError ? error.cause : error;
      if (!isConnectionFailure(cause) || Date.now() > deadline) throw error;
    }
  }
}
