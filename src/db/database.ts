/**
 * The one small interface the program uses to talk to PostgreSQL, whether it is the central
 * server (postgres.js) or the embedded PGlite folder. The same SQL text with `$1` parameters
 * runs on both; the adapters iron out the differences (bigint as number, result shapes,
 * JSON parameters) so nothing above this line needs to know which one it has.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements with no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "server" | "embedded";
  /** Where it is connected, for the clerk's screen; never contains a password. */
  readonly description: string;
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** First row or undefined, for statements that return at most one. */
export async function queryOne<T extends Row = Row>(
  db: Queryable,
  text: string,
  params?: readonly unknown[],
): Promise<T | undefined> {
  const rows = await db.query<T>(text, params);
  return rows[0];
}
