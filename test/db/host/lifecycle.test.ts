// The host's life: it exits when idle, a client waits (bounded) for a host of another protocol,
// and a folder held by an older shipdesk is named in the clerk's words.
import { expect, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { writeHostFile } from "../../../src/db/host/file.ts";
import { hostIdleSeconds, IDLE_SECONDS } from "../../../src/db/host/main.ts";
import { DatabaseError, embeddedFolder, migrate, openDatabase } from "../../../src/db/index.ts";
import { tempDir } from "../../support/database.ts";
import countOrders from "../count_orders.sql" with { type: "text" };
import { gone, hostOf, until, waitForLine } from "./support.ts";

test("the host stays while a client is connected, however long it is quiet, and exits once none has been for a while", async () => {
  const dir = tempDir("host-idle");
  // A host started from here reads it from this process's environment (src/db/host/start.ts).
  process.env.SHIPDESK_HOST_IDLE_SECONDS = "3";
  try {
    const db = await openDatabase({ dataDir: dir.path });
    const { pid } = hostOf(embeddedFolder(dir.path));
    // A connection left open, and nothing asked of it for longer than the idle time.
    expect((await db.query<{ n: number }>(countOrders))[0]!.n).toBe(0);
    await Bun.sleep(5000);
    expect(gone(pid)).toBe(false);
    await db.close();
    await Bun.sleep(1500);
    expect(gone(pid)).toBe(false);
    await until(() => gone(pid), 10_000);
  } finally {
    delete process.env.SHIPDESK_HOST_IDLE_SECONDS;
    dir.remove();
  }
}, 30_000);

test("the idle time: SHIPDESK_HOST_IDLE_SECONDS when it is a sensible number of seconds, else half a minute", () => {
  expect(hostIdleSeconds({})).toBe(IDLE_SECONDS);
  expect(IDLE_SECONDS).toBe(30);
  expect(hostIdleSeconds({ SHIPDESK_HOST_IDLE_SECONDS: " 600 " })).toBe(600);
  for (const bad of ["0", "-5", "1.5", "ten", "", "86401"]) expect(hostIdleSeconds({ SHIPDESK_HOST_IDLE_SECONDS: bad })).toBe(IDLE_SECONDS);
});

test("a host file of another protocol: the client waits for that host to go, then starts its own", async () => {
  const dir = tempDir("host-old");
  const folder = embeddedFolder(dir.path);
  mkdirSync(folder, { recursive: true });
  const older = Bun.spawn(["sleep", "60"]);
  try {
    writeHostFile(folder, { protocol: 0, pid: older.pid, state: "ready", port: 1, secret: "x", program: "the print page (shipdesk serve)", since: "", folder });
    const error = await openDatabase({ dataDir: dir.path, waitSeconds: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe("LOCKED");
    expect((error as DatabaseError).sentence).toBe(
      `The embedded database in ${folder} is open in another version of shipdesk (the print page (shipdesk serve), process ${older.pid}), which did not let go of it within 1 s: wait for it to finish (or close it), then run shipdesk again`,
    );
    const opening = openDatabase({ dataDir: dir.path, waitSeconds: 30 });
    await Bun.sleep(300);
    older.kill("SIGKILL");
    const db = await opening;
    await db.close();
  } finally {
    older.kill("SIGKILL");
    dir.remove();
  }
}, 45_000);

test("a folder an older shipdesk holds itself: the client waits, then names it in the clerk's words; once it is gone the data is whole", async () => {
  const dir = tempDir("host-lock");
  const child = Bun.spawn([process.execPath, join(import.meta.dir, "../../fixtures/hold-embedded.ts"), dir.path], { stdout: "pipe", stderr: "inherit" });
  try {
    await waitForLine(child.stdout, "ready");
    const error = await openDatabase({ dataDir: dir.path, waitSeconds: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    const sentence = (error as DatabaseError).sentence;
    expect(sentence).toContain(`in use by another shipdesk: the print page (shipdesk serve) (process ${child.pid} on `);
    expect(sentence).toContain("wait for it to finish");
    expect(sentence).not.toContain("$bunfs");
    // The holder dies without cleaning up (power cut): its lock is stale and is taken over.
    child.kill("SIGKILL");
    await child.exited;
    const db = await openDatabase({ dataDir: dir.path });
    try {
      expect((await db.query<{ n: number }>(countOrders))[0]!.n).toBe(1);
      await migrate(db);
    } finally {
      await db.close();
    }
  } finally {
    child.kill("SIGKILL");
    dir.remove();
  }
}, 60_000);
