import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { DatabaseError } from "./errors.ts";

/**
 * PGlite must never be opened by two processes at once: both would write the same files and
 * corrupt the database. A lock file created with O_EXCL holds the owner's pid; a lock whose
 * process is gone (a crash, a power cut) is taken over.
 */
export interface FolderLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Holder;
  } catch {
    return undefined;
  }
}

/** The lock's name inside the folder it guards. */
export const LOCK_FILE = "shipdesk.lock";

export function lockFolder(dir: string): FolderLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(" "),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return {
        release() {
          const holder = readHolder(path);
          if (holder?.pid === process.pid) {
            try {
              unlinkSync(path);
            } catch {
              // already gone: nothing to release
            }
          }
        },
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") {
        throw new DatabaseError(`Cannot create the lock file ${path}`, {
          code: (error as { code?: string }).code,
          fix: "check that the data folder exists and this user may write to it",
          cause: error,
        });
      }
      const holder = readHolder(path);
      // A half-written lock (the holder died while writing it) counts as stale.
      const stale = !holder || (holder.host === me.host && !alive(holder.pid));
      if (!stale) {
        throw new DatabaseError(
          `The embedded database in ${dir} is in use by another shipdesk (process ${holder.pid} on ${holder.host}, started ${holder.since}, running "${holder.command}")`,
          { code: "LOCKED", fix: "wait for it to finish or close it, then run shipdesk again" },
        );
      }
      try {
        unlinkSync(path);
      } catch {
        // another process took it over first; loop and look again
      }
    }
  }
  throw new DatabaseError(`Cannot take the lock on the embedded database in ${dir}`, {
    code: "LOCKED",
    fix: "another shipdesk keeps starting on the same folder; run only one at a time",
  });
}
