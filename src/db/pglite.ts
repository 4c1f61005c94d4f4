import { PGlite } from "@electric-sql/pglite";
// The two assets PGlite needs to run, embedded as files so that the compiled binary carries
// them. initdb.wasm is not among them: a new database is restored from the shipped one
// (src/db/template/), so the clerk's PC never runs initdb.
import pgliteWasm from "@electric-sql/pglite/pglite.wasm" with { type: "file" };
import pgliteData from "@electric-sql/pglite/pglite.data" with { type: "file" };
import type { Database, Queryable, Row, Session } from "./database.ts";
import { DurableNodeFS } from "./durable-fs.ts";

/** The files PGlite runs from; the shipped database is made again when they change. */
export const PGLITE_ASSETS = [pgliteWasm, pgliteData];

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<unknown>;
}

/**
 * JSC counts PGlite's WebAssembly memory (128 MB at least) as heap, so it lets garbage grow by
 * about as much again before it collects: every statement's protocol buffers and result copies.
 * A young-generation collection every 50 statements kept a 1000-order batch on an existing
 * database at 243-251 MB against 334-365 MB every 200 (side by side, BENCHMARKS.md), for about
 * 0.7 ms a collection (0.24 s of a 24 s batch); every 25 was no lower, and a full one costs more.
 */
const STATEMENTS_PER_COLLECTION = 50;
let statements = 0;

// PGlite sends a JS string to a jsonb parameter as-is, while postgres.js would JSON-encode it;
// both take plain objects. Numbers from int8 columns come back as numbers on both.
function queryable(pg: PgliteLike): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      if (++statements % STATEMENTS_PER_COLLECTION === 0) Bun.gc(false);
      const result = await pg.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await pg.exec(text);
    },
  };
}

// PGlite's own start-up flags (single-user mode, no workers…), kept, with ours added after.
const PGLITE_DEFAULT_START_PARAMS: string[] = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;

/**
 * One clerk's data is small, and PostgreSQL touches its whole buffer pool when it starts: each MB
 * of shared_buffers is a MB of resident memory from the first second. The default 128 MB cost
 * about 135 MB; 16 MB against 4 MB made no difference to a 1000-order batch's CPU (BENCHMARKS.md).
 */
// fsync back on (PGlite's defaults turn it off), with the one method Emscripten carries through
// to a real fsync (durable-fs.ts).
export const START_PARAMS = [...PGLITE_DEFAULT_START_PARAMS, "-c", "shared_buffers=4MB", "-c", "fsync=on", "-c", "wal_sync_method=fsync"];

let compiled: Promise<WebAssembly.Module> | undefined;
function pgliteModule(): Promise<WebAssembly.Module> {
  compiled ??= Bun.file(pgliteWasm).arrayBuffer().then((b) => WebAssembly.compile(b));
  return compiled;
}

/**
 * Starts compiling PGlite's 9 MB of WebAssembly: part of it runs on background threads, so it
 * goes on while the folder is checked (and a new one filled). A failure surfaces in startPglite.
 */
export function warmUpPglite(): void {
  pgliteModule().catch(() => {});
}

/**
 * Starts PGlite on a folder that already holds a database. `initdbWasmModule` is only given
 * when the shipped database itself is made (src/db/template/build.ts).
 */
export async function startPglite(folder: string, options: { initdbWasmModule?: WebAssembly.Module; initDbStartParams?: string[] } = {}): Promise<PGlite> {
  return PGlite.create({
    dataDir: folder,
    fs: new DurableNodeFS(folder),
    pgliteWasmModule: await pgliteModule(),
    ...options,
    fsBundle: Bun.file(pgliteData),
    startParams: START_PARAMS,
  });
}

export interface PgliteDatabaseOptions {
  description: string;
  created?: boolean;
  /** Runs after PGlite has closed (releases the folder's lock). */
  onClose?: () => void;
}

/** The Database interface over one PGlite instance. */
export function pgliteDatabase(pg: PGlite, { description, created = false, onClose = () => {} }: PgliteDatabaseOptions): Database {
  const base = queryable(pg);
  const db: Database = {
    kind: "embedded",
    description,
    created,
    ...base,
    // PGlite is one connection and queues transactions itself; a transaction must never
    // await a query made outside it, or it waits for itself.
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction((tx) => fn(queryable(tx)));
    },
    async reserve(): Promise<Session> {
      return { ...base, transaction: db.transaction, release: async () => {} };
    },
    async close() {
      try {
        await pg.close();
      } finally {
        onClose();
      }
    },
  };
  return db;
}
