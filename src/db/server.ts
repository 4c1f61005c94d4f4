import type { Socket } from "node:net";
import postgres from "postgres";
import { type Database, type Queryable, type Session } from "./database.ts";
import { DatabaseError } from "./errors.ts";
import { queryable, wrapper, type Sql, type Unreachable } from "./postgres-js.ts";
import ping from "../../sql/db/ping.sql" with { type: "text" };
import { reservedSession } from "./session.ts";

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

const serverUnreachable =
  (url: string): Unreachable =>
  (error) =>
    new DatabaseError(`Cannot reach the database at ${redactUrl(url)}`, {
      code: (error as { code?: string }).code,
      fix: "check that PostgreSQL is running and DATABASE_URL is right, then run shipdesk again",
      cause: error,
    });

export interface ServerOptions {
  max?: number;
  connectTimeoutSeconds?: number;
  /** The embedded database's host (src/db/host/) is reached through this path too. */
  kind?: Database["kind"];
  description?: string;
  created?: boolean;
  unreachable?: Unreachable;
  /** A connection of one's own making (the host's port, found anew for each connection). */
  socket?: () => Promise<Socket>;
  password?: () => string;
}

export async function openServerDatabase(url: string, options: ServerOptions = {}): Promise<Database> {
  const sql: Sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    onnotice: () => {},
    ...(options.socket ? { socket: options.socket } : {}),
    ...(options.password ? { pass: options.password } : {}),
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
  const wrap = wrapper(options.unreachable ?? serverUnreachable(url));
  const base = queryable(sql, wrap);
  const db: Database = {
    kind: options.kind ?? "server",
    description: options.description ?? `PostgreSQL server ${redactUrl(url)}`,
    get created() {
      return options.created ?? false;
    },
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      try {
        return (await sql.begin((tx) => fn(queryable(tx, wrap)))) as T;
      } catch (error) {
        throw wrap(error);
      }
    },
    reserve: (): Promise<Session> => reservedSession(sql, wrap),
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
  // Fail now, with the clerk's sentence, rather than halfway through a batch.
  try {
    await db.query(ping);
  } catch (error) {
    await sql.end({ timeout: 0 }).catch(() => {});
    throw error;
  }
  return db;
}
