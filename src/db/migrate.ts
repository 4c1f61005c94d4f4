import type { Database } from "./database.ts";
import { DatabaseError } from "./errors.ts";
import { migrations as allMigrations, type Migration } from "./migrations.ts";
import ensureTable from "../../sql/migrate/ensure_table.sql" with { type: "text" };
import lock from "../../sql/migrate/lock.sql" with { type: "text" };
import applied from "../../sql/migrate/applied.sql" with { type: "text" };
import record from "../../sql/migrate/record.sql" with { type: "text" };

export interface MigrateResult {
  applied: string[];
  version: number;
}

/**
 * Brings the schema up to date. Each migration runs in its own transaction under an advisory
 * lock, and re-reads what is applied once it holds the lock, so two shipdesks starting at the
 * same moment apply each migration exactly once.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<MigrateResult> {
  const latest = migrations.at(-1)?.version ?? 0;
  const done: string[] = [];
  let version = 0;
  for (const migration of migrations) {
    version = await db.transaction(async (tx) => {
      await tx.query(lock);
      await tx.exec(ensureTable);
      const rows = await tx.query<{ version: number; name: string }>(applied);
      const current = rows.reduce((max, r) => Math.max(max, Number(r.version)), 0);
      if (current > latest) {
        throw new DatabaseError(
          `The database schema is at version ${current} but this shipdesk knows only up to version ${latest}`,
          {
            code: "SCHEMA_TOO_NEW",
            fix: "install the newer shipdesk that upgraded this database (or point DATABASE_URL at the right database)",
          },
        );
      }
      if (rows.some((r) => Number(r.version) === migration.version)) return current;
      await tx.exec(migration.sql);
      await tx.query(record, [migration.version, migration.name]);
      done.push(migration.name);
      return migration.version;
    });
  }
  return { applied: done, version: Math.max(version, latest) };
}
