import { join } from "node:path";
import type { Database } from "./database.ts";

export interface DatabaseSettings {
  /** A PostgreSQL server; without it the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** How long to wait for the embedded folder's host (tests shorten it). */
  waitSeconds?: number;
}

/** The embedded database lives in its own folder inside the data folder. */
export function embeddedFolder(dataDir: string): string {
  return join(dataDir, "db");
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (settings.databaseUrl) {
    const { openServerDatabase } = await import("./server.ts");
    return openServerDatabase(settings.databaseUrl);
  }
  // Through the folder's host (src/db/host/), which alone opens PGlite: many shipdesk processes
  // use one folder at once, and none of them but the host loads PGlite's WebAssembly.
  const { openHostedDatabase } = await import("./host/connect.ts");
  return openHostedDatabase(embeddedFolder(settings.dataDir), settings.waitSeconds === undefined ? {} : { waitSeconds: settings.waitSeconds });
}
