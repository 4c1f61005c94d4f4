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
  /** True when this open made the database: a new embedded one, copied from the one shipped in shipdesk. */
  readonly created?: boolean;
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * One connection of its own for as long as the caller keeps it: session advisory locks taken
   * on it are released by the server when the connection ends, so a crashed shipdesk never
   * leaves an order locked. (PGlite has one connection and one process: it returns itself.)
   */
  reserve(): Promise<Session>;
  close(): Promise<void>;
}

export interface Session extends Queryable {
  /** Serialised with the session's other statements, so concurrent callers never interleave. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

/** Runs calls one after another, in the order they were made. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => {});
    return result;
  }
}
