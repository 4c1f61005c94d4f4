import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { DatabaseError } from "./errors.ts";
import { programOf } from "./program.ts";

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
  /** The holder in the clerk's words ("the print page (shipdesk serve)"). */
  program?: string;
}

/** Whether process `pid` runs on this PC (one of another user's counts: it may not be signalled). */
export function alive(pid: number): boolean {
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

/** Who holds the folder's lock now, if anyone does (a dead holder included). */
export function lockHolder(dir: string): { pid: number; program: string } | undefined {
  const holder = readHolder(join(dir, LOCK_FILE));
  return holder ? { pid: holder.pid, program: holder.program ?? "an older shipdesk" } : undefined;
}

/** The lock's name inside the folder it guards. */
export const LOCK_FILE = "shipdesk.lock";

export function lockFolder(dir: string, program = programOf()): FolderLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(2).join(" "),
    program,
  };
  const release = () => {
    const holder = readHolder(path);
    if (holder?.pid === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        // already gone: nothing to release
      }
    }
  };
  // Several shipdesk may start on the folder at once (clients starting its database host after
  // the last one died). The lock file is created whole (a hard link to a written temporary file),
  // so no one ever reads a half-written one; a stale one is taken over by renaming it aside first,
  // so that of two processes seeing the same dead holder only one removes it, and neither removes
  // the lock the other has just created.
  for (let attempt = 0; attempt < 20; attempt++) {
    if (createWhole(path, me)) return { release };
    const holder = readHolder(path);
    if (holder === undefined && !existsSync(path)) continue; // released in between: try again
    // Unreadable: a lock half-written by an older shipdesk that died writing it, once it is old.
    const stale = holder === undefined ? olderThan(path, 5_000) : holder.host === me.host && !alive(holder.pid);
    if (!stale) {
      if (!holder) {
        Bun.sleepSync(50);
        continue;
      }
      throw new DatabaseError(
        `The embedded database in ${dir} is in use by another shipdesk: ${holder.program ?? "an older shipdesk"} (process ${holder.pid} on ${holder.host}, started ${holder.since})`,
        { code: "LOCKED", fix: "wait for it to finish or close it, then run shipdesk again" },
      );
    }
    takeOver(path, holder);
  }
  throw new DatabaseError(`Cannot take the lock on the embedded database in ${dir}`, {
    code: "LOCKED",
    fix: "another shipdesk keeps starting on the same folder; run only one at a time",
  });
}

/** Creates the lock file with its content, or returns false when one is there already. */
function createWhole(path: string, me: Holder): boolean {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(me));
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return false;
    throw new DatabaseError(`Cannot create the lock file ${path}`, {
      code: (error as { code?: string }).code,
      fix: "check that the data folder exists and this user may write to it",
      cause: error,
    });
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
  }
}

/** Removes the stale lock `seen`, and only it: a lock someone created meanwhile is put back. */
function takeOver(path: string, seen: Holder | undefined): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another process moved it first
  }
  const moved = readHolder(aside);
  const same = seen === undefined ? moved === undefined : moved?.pid === seen.pid && moved.since === seen.since;
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process has created one since: it is that one's
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // gone already
  }
}

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}
