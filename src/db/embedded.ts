import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "./database.ts";
import { DatabaseError, embeddedDamage, MOVE_ASIDE } from "./errors.ts";
import { lockFolder } from "./lock.ts";
import { pgliteDatabase, startPglite, warmUpPglite } from "./pglite.ts";
import { programOf } from "./program.ts";
import { inspectFolder } from "./template/folder.ts";
import { restoreShippedDatabase } from "./template/restore.ts";
import { shippedDatabase } from "./template/shipped.ts";

export interface OpenPglite {
  pg: PGlite;
  /** True when this open made the database, from the one shipped inside shipdesk. */
  created: boolean;
  /** Lets go of the folder, once PGlite is closed. */
  release(): void;
}

/**
 * Opens PGlite on `folder` for this process alone (the folder's lock), first copying the one
 * shipped inside shipdesk into it when the folder is new: the clerk's PC never runs initdb
 * (about 1 GB of memory that WebAssembly never gives back). A folder that is neither new nor a
 * whole database is refused and left exactly as it is. Only the embedded database's host
 * (src/db/host/) opens it so; every shipdesk process reaches it through the host.
 */
export async function openEmbeddedPglite(folder: string, program = programOf(), onLocked: () => void = () => {}): Promise<OpenPglite> {
  const lock = lockFolder(folder, program);
  warmUpPglite();
  let created = false;
  try {
    onLocked();
    const state = inspectFolder(folder);
    if (state.kind === "damaged") {
      throw new DatabaseError(`The embedded database in ${folder} is damaged or half-written (${state.reason})`, {
        code: "DAMAGED",
        fix: `${MOVE_ASIDE}; nothing in it was changed`,
      });
    }
    if (state.kind === "other-version") {
      throw new DatabaseError(`The folder ${folder} holds a PostgreSQL ${state.version} database, not shipdesk's embedded one`, {
        code: "DAMAGED",
        fix: "set data_dir to shipdesk's own data folder (or DATABASE_URL to use a PostgreSQL server); nothing in it was changed",
      });
    }
    if (state.kind === "new" || state.kind === "interrupted") {
      await restoreShippedDatabase(folder, await shippedDatabase());
      created = true;
    }
    const pg = await startPglite(folder);
    return { pg, created, release: () => lock.release() };
  } catch (error) {
    lock.release();
    if (error instanceof DatabaseError) throw error;
    throw embeddedDamage(error, folder, true) ?? new DatabaseError(`Cannot open the embedded database in ${folder}`, {
      fix: `check that this user may write to the folder; if it is damaged, ${MOVE_ASIDE}`,
      cause: error,
    });
  }
}

/** The Database interface over PGlite opened by this process alone (the host, tests of the folder). */
export async function openEmbeddedDatabase(folder: string, program = programOf()): Promise<Database> {
  const { pg, created, release } = await openEmbeddedPglite(folder, program);
  return pgliteDatabase(pg, { description: `embedded PostgreSQL in ${folder}`, created, onClose: release });
}
