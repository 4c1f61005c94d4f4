// Makes the database shipped inside shipdesk: initdb and every migration, run once at build time
// (scripts/build.ts) or, from source, once per change of the migrations (shipped.ts). Never part
// of the compiled program: initdb.wasm is imported here only.
import initdbWasm from "@electric-sql/pglite/initdb.wasm" with { type: "file" };
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import checkpoint from "../../../sql/db/checkpoint.sql" with { type: "text" };
import { migrate } from "../migrate.ts";
import { pgliteDatabase, startPglite } from "../pglite.ts";
import { writeTar, type TarEntry } from "./tar.ts";

// Files PostgreSQL writes while it runs and removes when it stops; never part of a copy.
const RUNTIME_ONLY = new Set(["postmaster.pid", "postmaster.opts"]);

function readFolder(root: string, relative = ""): TarEntry[] {
  const entries: TarEntry[] = [];
  const dirents = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const dirent of dirents) {
    const path = relative ? `${relative}/${dirent.name}` : dirent.name;
    if (RUNTIME_ONLY.has(path)) continue;
    if (dirent.isDirectory()) {
      entries.push({ path, kind: "directory", data: new Uint8Array(0) });
      entries.push(...readFolder(root, path));
    } else if (dirent.isFile()) {
      entries.push({ path, kind: "file", data: readFileSync(join(root, path)) });
    } else {
      throw new Error(`unexpected entry in the new database folder: ${path}`);
    }
  }
  return entries;
}

/** A new, migrated embedded database, stopped cleanly, as a gzipped tar of its folder. */
export async function buildShippedDatabase(): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "shipdesk-shipped-db-"));
  try {
    const folder = join(dir, "db");
    const initdbWasmModule = await WebAssembly.compile(await Bun.file(initdbWasm).arrayBuffer());
    const db = pgliteDatabase(await startPglite(folder, { initdbWasmModule }), { description: "the database shipped in shipdesk" });
    try {
      await migrate(db);
      // Everything in the data files, so the first start replays nothing.
      await db.query(checkpoint);
    } finally {
      await db.close();
    }
    return Bun.gzipSync(writeTar(readFolder(folder)), { level: 9 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
