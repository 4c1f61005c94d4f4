import { join } from "node:path";
import type { Database } from "./database.ts";

export interface DatabaseSettings {
  /** A PostgreSQL server; without it the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
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
  const { openEmbeddedDatabase } = await import("./embedded.ts");
  return openEmbeddedDatabase(embeddedFolder(settings.dataDir));
}
