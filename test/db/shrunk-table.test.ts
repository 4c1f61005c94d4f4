// A table file cut short (a folder restored from a copy that stopped half-way, a disk fault):
// PostgreSQL reads the rows past the cut as never written, without an error. The embedded
// database's host compares each file with the pages it recorded when it last opened or closed
// the folder, and refuses a shorter one; a folder used normally (rows added, the host killed,
// rows deleted) is never refused.
import { afterAll, expect, test } from "bun:test";
import { truncateSync } from "node:fs";
import { join } from "node:path";
import { readHostFile, stopHost } from "../../src/db/host/file.ts";
import { DatabaseError, embeddedFolder, migrate, openDatabase } from "../../src/db/index.ts";
import { tempDir } from "../support/database.ts";
import countOrders from "./count_orders.sql" with { type: "text" };
import insertOrder from "./insert_order.sql" with { type: "text" };
import deleteOrders from "./delete_orders.sql" with { type: "text" };
import relationFileSql from "../cli/relation_file.sql" with { type: "text" };

const dir = tempDir("shrunk-table");
afterAll(() => dir.remove());

async function addOrders(dataDir: string, from: number, count: number): Promise<string> {
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db);
    for (let i = from; i < from + count; i++) await db.query(insertOrder, [`SHRUNK-${i}-${"x".repeat(40)}`]);
    return (await db.query<{ path: string }>(relationFileSql, ["orders"]))[0]!.path;
  } finally {
    await db.close();
  }
}

async function ordersIn(dataDir: string): Promise<number> {
  const db = await openDatabase({ dataDir });
  try {
    return (await db.query<{ n: number }>(countOrders))[0]!.n;
  } finally {
    await db.close();
  }
}

test("used as a day goes (rows added, the host killed, rows deleted, reopened): never refused, every row there", async () => {
  const dataDir = join(dir.path, "normal");
  await addOrders(dataDir, 0, 300);
  await stopHost(embeddedFolder(dataDir));
  await addOrders(dataDir, 300, 200);
  // Killed: it records nothing on the way out; the file has only grown since the last record.
  process.kill(readHostFile(embeddedFolder(dataDir))!.pid, "SIGKILL");
  await Bun.sleep(300);
  expect(await ordersIn(dataDir)).toBe(500);
  const db = await openDatabase({ dataDir });
  try {
    await db.query(deleteOrders, ["SHRUNK-1%"]);
  } finally {
    await db.close();
  }
  await stopHost(embeddedFolder(dataDir));
  expect(await ordersIn(dataDir)).toBe(389);
}, 60_000);

test("the orders file cut to its first page: refused, naming the table and the pages, at every try", async () => {
  const dataDir = join(dir.path, "cut");
  const file = await addOrders(dataDir, 0, 400);
  await stopHost(embeddedFolder(dataDir));
  const path = join(embeddedFolder(dataDir), file);
  truncateSync(path, 8192);
  for (let attempt = 0; attempt < 2; attempt++) {
    const error = await openDatabase({ dataDir }).then(
      async (db) => {
        await db.query(countOrders).finally(() => db.close());
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe("DAMAGED");
    expect((error as DatabaseError).message).toMatch(
      new RegExp(`^The embedded database in ${embeddedFolder(dataDir)} is damaged \\(the orders table's file holds 1 of its \\d+ pages\\)$`),
    );
  }
}, 60_000);
