// A commit on the embedded database is on the disk before it returns, as on the server: PGlite's
// own defaults would leave it in the operating system's cache, where a power cut loses it.
import { expect, test } from "bun:test";
import { openEmbeddedDatabase } from "../../src/db/embedded.ts";
import { embeddedFolder, migrate } from "../../src/db/index.ts";
import { fsyncCount } from "../../src/db/durable-fs.ts";
import { tempDir } from "../support/database.ts";
import durabilitySettings from "./durability_settings.sql" with { type: "text" };
import insertOrder from "./insert_order.sql" with { type: "text" };

test("every commit is fsynced: fsync on, by the method Emscripten carries through, to a real fsync", async () => {
  const dir = tempDir("durable");
  try {
    // In this process (the host's own way of opening it), so that its fsyncs are counted here.
    const db = await openEmbeddedDatabase(embeddedFolder(dir.path));
    try {
      await migrate(db);
      expect(await db.query(durabilitySettings)).toEqual([{ fsync: "on", wal_sync_method: "fsync" }]);
      for (const id of ["D-1", "D-2", "D-3"]) {
        const before = fsyncCount();
        await db.query(insertOrder, [id]);
        expect(fsyncCount()).toBeGreaterThan(before);
      }
    } finally {
      await db.close();
    }
  } finally {
    dir.remove();
  }
}, 30_000);
