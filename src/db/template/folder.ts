import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { HOST_FILE } from "../host/file.ts";
import { LOCK_FILE } from "../lock.ts";

/** The PostgreSQL major version PGlite runs (a test checks it against the shipped database). */
export const PG_MAJOR = "18";

/**
 * Written first and removed last when the shipped database is copied into a folder: while it
 * is there, the folder has never been opened and holds nothing but that copy.
 */
export const RESTORE_MARKER = "shipdesk-restore-in-progress";

/**
 * What a database folder must hold before PGlite may open it. Without PG_VERSION PGlite would
 * run initdb over whatever is there, so a half-written folder must be stopped here.
 */
const REQUIRED: readonly { path: string; kind: "file" | "directory" }[] = [
  { path: "PG_VERSION", kind: "file" },
  { path: "global/pg_control", kind: "file" },
  { path: "global/pg_filenode.map", kind: "file" },
  { path: "postgresql.conf", kind: "file" },
  { path: "base", kind: "directory" },
  { path: "pg_wal", kind: "directory" },
  { path: "pg_xact", kind: "directory" },
  { path: "pg_multixact/offsets", kind: "directory" },
  { path: "pg_multixact/members", kind: "directory" },
];

export type FolderState =
  /** Nothing in it but shipdesk's lock: the shipped database goes in. */
  | { kind: "new" }
  /** A copy of the shipped database that stopped half-way (a crash, a power cut): copy it again. */
  | { kind: "interrupted" }
  | { kind: "database" }
  /** A PostgreSQL data folder of another major version: never opened, never changed. */
  | { kind: "other-version"; version: string }
  /** Anything else: never opened, never changed. */
  | { kind: "damaged"; reason: string };

export function inspectFolder(folder: string): FolderState {
  const names = readdirSync(folder).filter((name) => name !== LOCK_FILE && !name.startsWith(HOST_FILE));
  if (names.length === 0) return { kind: "new" };
  if (names.includes(RESTORE_MARKER)) return { kind: "interrupted" };
  for (const { path, kind } of REQUIRED) {
    const full = join(folder, path);
    if (!existsSync(full)) return { kind: "damaged", reason: `${path} is missing` };
    const stat = statSync(full);
    if (kind === "file" ? !stat.isFile() : !stat.isDirectory()) return { kind: "damaged", reason: `${path} is not a ${kind}` };
    if (kind === "file" && stat.size === 0) return { kind: "damaged", reason: `${path} is empty` };
  }
  const version = readFileSync(join(folder, "PG_VERSION"), "utf8").trim();
  if (version !== PG_MAJOR) return /^\d+$/.test(version) ? { kind: "other-version", version } : { kind: "damaged", reason: "PG_VERSION is unreadable" };
  // PostgreSQL's control file is always exactly one 8 kB page.
  if (statSync(join(folder, "global/pg_control")).size !== 8192) return { kind: "damaged", reason: "global/pg_control has the wrong size" };
  return { kind: "database" };
}
