import { expect, test } from "bun:test";
import { join } from "node:path";
import { DatabaseError, openDatabase } from "../../src/db/index.ts";
import { tempDir } from "../support/database.ts";
import countOrders from "./count_orders.sql" with { type: "text" };

async function waitForLine(stream: ReadableStream<Uint8Array>, line: string): Promise<void> {
  const reader = stream.getReader();
  let seen = "";
  while (!seen.includes(line)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`child ended before printing "${line}": ${seen}`);
    seen += new TextDecoder().decode(value);
  }
  reader.releaseLock();
}

test("a second process on the same embedded folder gets a clear error; the data stays intact", async () => {
  const dir = tempDir("lock");
  const child = Bun.spawn([process.execPath, join(import.meta.dir, "../fixtures/hold-embedded.ts"), dir.path], {
    stdout: "pipe",
    stderr: "inherit",
  });
  try {
    await waitForLine(child.stdout, "ready");

    const error = await openDatabase({ dataDir: dir.path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    const sentence = (error as DatabaseError).sentence;
    expect(sentence).toContain(`process ${child.pid}`);
    expect(sentence).toContain("in use by another shipdesk");
    expect(sentence).toContain("wait for it to finish");

    // The holder dies without cleaning up (power cut): its lock is stale and is taken over.
    child.kill("SIGKILL");
    await child.exited;
    const db = await openDatabase({ dataDir: dir.path });
    try {
      const rows = await db.query<{ n: number }>(countOrders);
      expect(rows[0]!.n).toBe(1);
    } finally {
      await db.close();
    }
  } finally {
    child.kill("SIGKILL");
    dir.remove();
  }
}, 60_000);
