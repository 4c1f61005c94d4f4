import postgres from "postgres";
import { Mutex, type Database, type Queryable, type Row, type Session } from "./database.ts";
import begin from "../../sql/db/begin.sql" with { type: "text" };
import commit from "../../sql/db/commit.sql" with { type: "text" };
import rollback from "../../sql/db/rollback.sql" with { type: "text" };
import { DatabaseError, isConnectionFailure } from "./errors.ts";
import ping from "../../sql/db/ping.sql" with { type: "text" };

type Sql = postgres.Sql<{ bigint: number }>;
type TxSql = postgres.TransactionSql<{ bigint: number }>;

/** Safe to print: the URL without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(an unreadable DATABASE_URL)";
  }
}

function wrap(error: unknown, url: string): unknown {
  if (isConnectionFailure(error)) {
    return new DatabaseError(`Cannot reach the database at ${redactUrl(url)}`, {
      code: (error as { code?: string }).code,
      fix: "check that PostgreSQL is running and DATABASE_URL is right, then run shipdesk again",
      cause: error,
    });
  }
  return error;
}

function queryable(sql: Sql | TxSql, url: string): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      try {
        // Prepared (named, once per connection and SQL file): unprepared, postgres.js describes
        // every statement before binding it, two round trips instead of one. A 1000-order batch:
        // wall 20.3 -> 15.7 s, own CPU 13.5 -> 11.7 s (BENCHMARKS.md). The SQL texts are the
        // files in sql/, so the statements per connection are few; a plan a migration made
        // stale is prepared again by postgres.js itself (RevalidateCachedQuery).
        const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
        return [...rows] as unknown as T[];
      } catch (error) {
        throw wrap(error, url);
      }
    },
    async exec(text: string) {
      try {
        await sql.unsafe(text).simple();
      } catch (error) {
        throw wrap(error, url);
      }
    },
  };
}

export interface ServerOptions {
  max?: number;
  connectTimeoutSeconds?: number;
}

export async function openServerDatabase(url: string, options: ServerOptions = {}): Promise<Database> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    onnotice: () => {},
    // Locks held by a PC that lost power are freed once the server sees the connection is dead:
    // ask it to notice within about a minute instead of the two-hour TCP default.
    connection: { tcp_keepalives_idle: 30, tcp_keepalives_interval: 10, tcp_keepalives_count: 3 } as Record<string, number>,
    // int8 (counts, identity ids) as plain numbers, as PGlite returns them.
    types: {
      bigint: {
        to: 20,
        from: [20],
        serialize: (x: number | bigint) => x.toString(),
        parse: (x: string) => Number(x),
      },
    },
  });
  const base = queryable(sql, url);
  const db: Database = {
    kind: "server",
    description: `PostgreSQL server ${redactUrl(url)}`,
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      try {
        return (await sql.begin((tx) => fn(queryable(tx, url)))) as T;
      } catch (error) {
        throw wrap(error, url);
      }
    },
    async reserve(): Promise<Session> {
      let reserved: postgres.ReservedSql<{ bigint: number }>;
      try {
        reserved = await sql.reserve();
      } catch (error) {
        throw wrap(error, url);
      }
      // Once its connection is lost, a reserved connection is never written to again: postgres.js
      // would write to the closed socket and throw outside any promise (found by the database
      // outage test), taking the process down instead of ending the run with a sentence.
      let lost: unknown;
      const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
        if (lost) throw lost;
        try {
          return await work();
        } catch (error) {
          if (error instanceof DatabaseError && isConnectionFailure(error.cause)) lost = error;
          throw error;
        }
      };
      const raw = queryable(reserved, url);
      const inner: Queryable = {
        query: (text, params) => guarded(() => raw.query(text, params)),
        exec: (text) => guarded(() => raw.exec(text)),
      };
      const mutex = new Mutex();
      return {
        query: (text, params) => mutex.run(() => inner.query(text, params)),
        exec: (text) => mutex.run(() => inner.exec(text)),
        transaction: (fn) =>
          mutex.run(async () => {
            await inner.query(begin);
            try {
              const result = await fn(inner);
              await inner.query(commit);
              return result;
            } catch (error) {
              if (!lost) await inner.query(rollback).catch(() => {});
              throw error;
            }
          }),
        async release() {
          if (!lost) reserved.release();
        },
      };
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
  // Fail now, with the clerk's sentence, rather than halfway through a batch.
  await db.query(ping);
  return db;
}
