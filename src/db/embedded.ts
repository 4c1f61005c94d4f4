import { PGlite } from "@electric-sql/pglite";
// The three assets PGlite needs, embedded as files so that the compiled binary carries them.
import pgliteWasm from "@electric-sql/pglite/pglite.wasm" with { type: "file" };
import initdbWasm from "@electric-sql/pglite/initdb.wasm" with { type: "file" };
import pgliteData from "@electric-sql/pglite/pglite.data" with { type: "file" };
import { mkdirSync } from "node:fs";
import type { Database, Queryable, Row, Session } from "./database.ts";
import { DatabaseError } from "./errors.ts";
import { lockFolder } from "./lock.ts";

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<unknown>;
}

// PGlite sends a JS string to a jsonb parameter as-is, while postgres.js would JSON-encode it;
// both take plain objects. Numbers from int8 columns come back as numbers on both.
function queryable(pg: PgliteLike): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
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

let compiled: Promise<[WebAssembly.Module, WebAssembly.Module]> | undefined;
function wasmModules() {
  compiled ??= Promise.all([
    Bun.file(pgliteWasm).arrayBuffer().then((b) => WebAssembly.compile(b)),
    Bun.file(initdbWasm).arrayBuffer().then((b) => WebAssembly.compile(b)),
  ]);
  return compiled;
}

export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const lock = lockFolder(dataDir);
  let pg: PGlite;
  try {
    mkdirSync(dataDir, { recursive: true });
    const [pgliteWasmModule, initdbWasmModule] = await wasmModules();
    pg = await PGlite.create({
      dataDir,
      pgliteWasmModule,
      initdbWasmModule,
      fsBundle: Bun.file(pgliteData),
      // One clerk's data is small: PostgreSQL's default 128 MB of buffers only costs memory here
      // (about 135 MB less resident memory, measured in bench/).
      startParams: [...PGLITE_DEFAULT_START_PARAMS, "-c", "shared_buffers=16MB"],
    });
  } catch (error) {
    lock.release();
    throw new DatabaseError(`Cannot open the embedded database in ${dataDir}`, {
      fix: "check the folder is writable and not damaged (restore it from a backup or move it aside to start afresh)",
      cause: error,
    });
  }
  const base = queryable(pg);
  const db: Database = {
    kind: "embedded",
    description: `embedded PostgreSQL in ${dataDir}`,
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
        lock.release();
      }
    },
  };
  return db;
}
