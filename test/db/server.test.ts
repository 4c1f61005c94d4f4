import { expect, test } from "bun:test";
import { openDatabase } from "../../src/db/index.ts";
import { SERVER_URL } from "../support/database.ts";
import keepalives from "./keepalives.sql" with { type: "text" };

test("server sessions ask for TCP keepalives, so a dead PC's locks are freed in about a minute", async () => {
  const db = await openDatabase({ databaseUrl: SERVER_URL, dataDir: "" });
  try {
    const session = await db.reserve();
    const [row] = await session.query<{ idle: string; count: string }>(keepalives);
    await session.release();
    expect(row).toEqual({ idle: "30", count: "3" });
  } finally {
    await db.close();
  }
});

test("a session's transactions do not interleave with its other statements", async () => {
  const db = await openDatabase({ databaseUrl: SERVER_URL, dataDir: "" });
  try {
    const session = await db.reserve();
    const seen: string[] = [];
    const tx = session.transaction(async (q) => {
      seen.push("tx start");
      await q.query(keepalives);
      await Bun.sleep(50);
      seen.push("tx end");
    });
    const outside = session.query(keepalives).then(() => seen.push("outside"));
    await Promise.all([tx, outside]);
    await session.release();
    expect(seen).toEqual(["tx start", "tx end", "outside"]);
  } finally {
    await db.close();
  }
});
