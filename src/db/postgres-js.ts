import postgres from "postgres";
import type { Queryable } from "./database.ts";
import { DatabaseError, isConnectionFailure } from "./errors.ts";

/** postgres.js with int8 as numbers, as shipdesk opens it (src/db/server.ts). */
export type Sql = postgres.Sql<{ bigint: number }>;
type TxSql = postgres.TransactionSql<{ bigint: number }>;

/** The sentence for a connection that failed, from the error postgres.js gave. */
export type Unreachable = (error: unknown) => DatabaseError;

export const wrapper = (unreachable: Unreachable) => (error: unknown) => (isConnectionFailure(error) && !(error instanceof DatabaseError) ? unreachable(error) : error);

export function queryable(sql: Sql | TxSql, wrap: (error: unknown) => unknown): Queryable {
  return {
    async query<T extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) {
      try {
        // Prepared (named, once per connection and SQL file): unprepared, postgres.js describes
        // every statement before binding it, two round trips instead of one. A 1000-order batch:
        // wall 20.3 -> 15.7 s, own CPU 13.5 -> 11.7 s (BENCHMARKS.md). The SQL texts are the
        // files in sql/, so the statements per connection are few; a plan a migration made
        // stale is prepared again by postgres.js itself (RevalidateCachedQuery).
        const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
        return [...rows] as unknown as T[];
      } catch (error) {
        throw wrap(error);
      }
    },
    async exec(text: string) {
      try {
        await sql.unsafe(text).simple();
      } catch (error) {
        throw wrap(error);
      }
    },
  };
}

