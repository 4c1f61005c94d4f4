import postgres from "postgres";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase, type Database } from "../../src/db/index.ts";

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A database URL on the test server with another database name. */
export function urlFor(name: string): string {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database on the real server for one test file, dropped afterwards, so
 * test files can run side by side. (Test set-up, not program SQL: it lives here, not in sql/.)
 */
export async function freshServerDatabase(label: string, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `shipdesk_t_${label.replace(/\W/g, "_").toLowerCase()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = urlFor(name);
  const db = await openDatabase({ databaseUrl: url, dataDir: "" });
  if (options.migrated !== false) await migrate(db);
  return {
    name,
    url,
    db,
    async drop() {
      await db.close().catch(() => {});
      const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function tempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `shipdesk-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A migrated embedded (PGlite) database in a temporary folder. */
export async function freshEmbeddedDatabase(label: string): Promise<{ db: Database; dataDir: string; drop(): Promise<void> }> {
  const dir = tempDir(label);
  const db = await openDatabase({ dataDir: dir.path });
  await migrate(db);
  return {
    db,
    dataDir: dir.path,
    async drop() {
      await db.close().catch(() => {});
      dir.remove();
    },
  };
}

const CHILD_APP = "shipdesk-test-child";

/** The database URL a child process uses, tagged so its sessions can be waited out. */
export function childUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set("application_name", CHILD_APP);
  return u.toString();
}

/**
 * After a child was killed, waits until the server has dropped its sessions (and so released
 * their advisory locks), as it will have long before the next scheduled run in real life.
 */
export async function waitForChildSessionsToEnd(db: Database, timeoutMs = 10_000): Promise<void> {
  const { default: sessionsSql } = await import("./child_sessions.sql", { with: { type: "text" } });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query<{ n: number }>(sessionsSql, [CHILD_APP]);
    if (row!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`a killed child's ${row!.n} database session(s) did not end within ${timeoutMs} ms`);
    await Bun.sleep(20);
  }
}
