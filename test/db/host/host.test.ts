// The embedded folder's host (src/db/host/): several clients, one PGlite, each with its own turn,
// its own session locks, and nothing left behind by one that dies.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { tryLock, unlock } from "../../../src/common/locks.ts";
import { DatabaseError, embeddedFolder, migrate, openDatabase, type Database } from "../../../src/db/index.ts";
import { tempDir } from "../../support/database.ts";
import countOrders from "../count_orders.sql" with { type: "text" };
import insertOrder from "../insert_order.sql" with { type: "text" };
import { gone, hostOf, until, waitForLine } from "./support.ts";

const dir = tempDir("host");
const folder = embeddedFolder(dir.path);
let a: Database;
let b: Database;

beforeAll(async () => {
  a = await openDatabase({ dataDir: dir.path });
  await migrate(a);
  b = await openDatabase({ dataDir: dir.path });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  const pid = hostOf(folder).pid;
  dir.remove(); // the host sees its host file gone and exits
  await until(() => gone(pid));
}, 30_000);

const count = async (db: Database) => (await db.query<{ n: number }>(countOrders))[0]!.n;

test("one client's open transaction is invisible to another, which waits for its turn", async () => {
  const before = await count(b);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let inside!: () => void;
  const started = new Promise<void>((resolve) => (inside = resolve));
  const tx = a.transaction(async (q) => {
    await q.query(insertOrder, ["TURN-1"]);
    inside();
    await gate;
  });
  await started;
  let seen: number | undefined;
  const waiting = count(b).then((n) => (seen = n));
  await Bun.sleep(300);
  expect(seen).toBeUndefined(); // queued behind the transaction, not reading inside it
  open();
  await tx;
  await waiting;
  expect(seen).toBe(before + 1);
});

test("a session lock is each client's own: a second client's try fails until the first lets go", async () => {
  const sa = await a.reserve();
  const sb = await b.reserve();
  try {
    expect(await tryLock(sa, "label", 7)).toBe(true);
    expect(await tryLock(sa, "label", 7)).toBe(true); // re-entrant for its holder, as in PostgreSQL
    expect(await tryLock(sb, "label", 7)).toBe(false);
    await unlock(sa, "label", 7);
    expect(await tryLock(sb, "label", 7)).toBe(false); // still held once
    await unlock(sa, "label", 7);
    expect(await tryLock(sb, "label", 7)).toBe(true);
    expect(await tryLock(sa, "label", 7)).toBe(false);
    await unlock(sb, "label", 7);
  } finally {
    await sa.release();
    await sb.release();
  }
});

test("a client killed mid-transaction: its insert is rolled back and its locks are released", async () => {
  const before = await count(a);
  const child = Bun.spawn([process.execPath, join(import.meta.dir, "../../fixtures/host-client.ts"), dir.path, "KILLED-1"], {
    stdin: "pipe",
    stdout: "pipe",
    stderr: "inherit",
  });
  const session = await a.reserve();
  try {
    await waitForLine(child.stdout, "locked");
    expect(await tryLock(session, "label", 42)).toBe(false);
    child.stdin.write("go\n");
    await child.stdin.flush();
    await waitForLine(child.stdout, "ready");
    child.kill("SIGKILL");
    await child.exited;
    expect(await tryLock(session, "label", 42)).toBe(true);
    expect(await count(a)).toBe(before);
    await unlock(session, "label", 42);
  } finally {
    child.kill("SIGKILL");
    await session.release();
  }
}, 30_000);

test("a wrong secret is refused, and the host listens on 127.0.0.1 only", async () => {
  const { port } = hostOf(folder);
  const wrong = postgres({ host: "127.0.0.1", port, user: "shipdesk", pass: "not-the-secret", max: 1, onnotice: () => {} });
  const error = await wrong.unsafe("SELECT 1").catch((e: unknown) => e);
  await wrong.end({ timeout: 0 });
  expect((error as { code?: string }).code).toBe("28P01");
  const plain = postgres({ host: "127.0.0.1", port, user: "shipdesk", max: 1, onnotice: () => {} });
  const anonymous = await plain.unsafe("SELECT 1").catch((e: unknown) => e);
  await plain.end({ timeout: 0 });
  expect(anonymous).toBeInstanceOf(Error);
  const outside = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
  if (outside) {
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect(port, outside.address);
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    expect(reached).toBe(false);
  }
});

test("the host killed with kill -9: the next query starts a new host and every committed row is there", async () => {
  await a.query(insertOrder, ["COMMITTED-1"]);
  const before = await count(a);
  const old = hostOf(folder).pid;
  process.kill(old, "SIGKILL");
  await until(() => gone(old));
  // A query in flight when the host died fails with the sentence; the next starts a new host.
  let n: number | undefined;
  await until(async () => {
    n = await count(b).catch((e: unknown) => {
      expect(e).toBeInstanceOf(DatabaseError);
      return undefined;
    });
    return n !== undefined;
  }, 30_000);
  expect(n).toBe(before);
  expect(hostOf(folder).pid).not.toBe(old);
  expect(await count(a).catch(() => count(a))).toBe(before);
}, 45_000);
