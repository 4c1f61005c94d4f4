import postgres from "postgres";
import { Mutex, type Queryable, type Session } from "./database.ts";
import { DatabaseError, isConnectionFailure } from "./errors.ts";
import begin from "../../sql/db/begin.sql" with { type: "text" };
import commit from "../../sql/db/commit.sql" with { type: "text" };
import rollback from "../../sql/db/rollback.sql" with { type: "text" };
import { queryable, type Sql } from "./postgres-js.ts";

/** One connection of a postgres.js pool, kept: Database.reserve on a server (or the host). */
export async function reservedSession(sql: Sql, wrap: (error: unknown) => unknown): Promise<Session> {
  let reserved: postgres.ReservedSql<{ bigint: number }>;
  try {
    reserved = await sql.reserve();
  } catch (error) {
    throw wrap(error);
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
  const raw = queryable(reserved, wrap);
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
}
