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
