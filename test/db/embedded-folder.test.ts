// The embedded database's folder: a new one starts from the database shipped in shipdesk (no
// initdb), an interrupted copy of it is made again, and anything damaged or half-written is
// refused with one sentence and left byte for byte as it was.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stopHost } from "../../src/db/host/file.ts";
import { DatabaseError, embeddedFolder, migrate, openDatabase } from "../../src/db/index.ts";
import { migrations } from "../../src/db/migrations.ts";
import { PG_MAJOR, RESTORE_MARKER } from "../../src/db/template/folder.ts";
import { shippedDatabase } from "../../src/db/template/shipped.ts";
import { readTar } from "../../src/db/template/tar.ts";
import { runCli } from "../cli/run-cli.ts";
import { tempDir } from "../support/database.ts";
import countOrders from "./count_orders.sql" with { type: "text" };
import insertOrder from "./insert_order.sql" with { type: "text" };

const dir = tempDir("embedded-folder");
/** A whole database folder with one order in it, copied for each damage below. */
const whole = join(dir.path, "whole");
let cases = 0;

beforeAll(async () => {
  const db = await openDatabase({ dataDir: whole });
  try {
    await migrate(db);
    await db.query(insertOrder, ["KEEP-1"]);
  } finally {
    await db.close();
    // Copied whole below: its host closes PGlite first, as the clerk would close shipdesk.
    await stopHost(embeddedFolder(whole));
  }
}, 60_000);
afterAll(() => dir.remove());

/** A copy of the whole data folder; returns the data folder and its database folder. */
function copyOfWhole(): { dataDir: string; db: string } {
  const dataDir = join(dir.path, `case-${++cases}`);
  cpSync(whole, dataDir, { recursive: true });
  return { dataDir, db: join(dataDir, "db") };
}

/** Every file's path, size and bytes: what "left exactly as it was" is checked against. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(folder, relative), { withFileTypes: true })) {
      const path = join(relative, entry.name);
      if (entry.isDirectory()) {
        files.set(`${path}/`, "dir");
        walk(path);
      } else {
        files.set(path, new Bun.CryptoHasher("sha256").update(readFileSync(join(folder, path))).digest("hex"));
      }
    }
  };
  walk("");
  return files;
}

async function expectRefused(dataDir: string, db: string, reason: RegExp): Promise<DatabaseError> {
  const before = snapshot(db);
  const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DatabaseError);
  const sentence = (error as DatabaseError).sentence;
  expect(sentence).toContain(db);
  expect(sentence).toMatch(reason);
  expect(sentence).not.toContain("\n");
  // Never overwritten, not even the lock is left behind.
  expect(snapshot(db)).toEqual(before);
  return error as DatabaseError;
}

describe("a new folder", () => {
  test("starts from the shipped database: already migrated (no initdb ran), empty, then kept", async () => {
    const dataDir = join(dir.path, "new");
    const db = await openDatabase({ dataDir });
    try {
      expect(db.created).toBe(true);
      // An initdb'd database would need every migration; the shipped one has them all.
      expect(await migrate(db)).toEqual({ applied: [], version: migrations.at(-1)!.version });
      expect((await db.query<{ n: number }>(countOrders))[0]!.n).toBe(0);
      await db.query(insertOrder, ["NEW-1"]);
    } finally {
      await db.close();
    }
    expect(existsSync(join(dataDir, "db", RESTORE_MARKER))).toBe(false);
    const again = await openDatabase({ dataDir });
    try {
      expect(again.created).toBe(false);
      expect((await again.query<{ n: number }>(countOrders))[0]!.n).toBe(1);
    } finally {
      await again.close();
    }
  }, 30_000);

  test("a copy of the shipped database cut short (a crash, a power cut) is made again", async () => {
    const dataDir = join(dir.path, "interrupted");
    const folder = join(dataDir, "db");
    // What a copy stopped half-way leaves: the marker, some files, one of them cut short.
    mkdirSync(join(folder, "base", "5"), { recursive: true });
    writeFileSync(join(folder, RESTORE_MARKER), "");
    writeFileSync(join(folder, "PG_VERSION"), `${PG_MAJOR}\n`);
    writeFileSync(join(folder, "base", "5", "1259"), "cut sh");
    const db = await openDatabase({ dataDir });
    try {
      expect(db.created).toBe(true);
      expect(await migrate(db)).toEqual({ applied: [], version: migrations.at(-1)!.version });
      expect((await db.query<{ n: number }>(countOrders))[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
    expect(existsSync(join(folder, RESTORE_MARKER))).toBe(false);
    expect(statSync(join(folder, "base", "5", "1259")).size).toBeGreaterThan(6);
  }, 30_000);
});

describe("a damaged or half-written folder is refused and left as it was", () => {
  test("no PG_VERSION (a copy stopped before its end: PGlite would have run initdb over it)", async () => {
    const { dataDir, db } = copyOfWhole();
    unlinkSync(join(db, "PG_VERSION"));
    const error = await expectRefused(dataDir, db, /damaged or half-written \(PG_VERSION is missing\): restore the folder from a backup, or rename it/);
    expect(error.code).toBe("DAMAGED");
  });

  test("no control file", async () => {
    const { dataDir, db } = copyOfWhole();
    unlinkSync(join(db, "global", "pg_control"));
    await expectRefused(dataDir, db, /global\/pg_control is missing/);
  });

  test("no WAL folder", async () => {
    const { dataDir, db } = copyOfWhole();
    rmSync(join(db, "pg_wal"), { recursive: true });
    await expectRefused(dataDir, db, /pg_wal is missing/);
  });

  test("files that are not a database at all", async () => {
    const dataDir = join(dir.path, "stranger");
    mkdirSync(join(dataDir, "db"), { recursive: true });
    writeFileSync(join(dataDir, "db", "notes.txt"), "not a database");
    await expectRefused(dataDir, join(dataDir, "db"), /damaged or half-written \(PG_VERSION is missing\)/);
  });

  test("a control file full of garbage: PGlite itself refuses it, and nothing is written", async () => {
    const { dataDir, db } = copyOfWhole();
    writeFileSync(join(db, "global", "pg_control"), new Uint8Array(8192).fill(0x5a));
    const error = await expectRefused(dataDir, db, /The embedded database in .* is damaged \(PGlite failed to initialize properly\): restore the folder from a backup, or rename it/);
    // Damage the next run would meet again: a person's (exit 2), not "try later".
    expect(error.code).toBe("DAMAGED");
  }, 30_000);

  test("a PostgreSQL data folder of another version", async () => {
    const { dataDir, db } = copyOfWhole();
    writeFileSync(join(db, "PG_VERSION"), "15\n");
    await expectRefused(dataDir, db, /holds a PostgreSQL 15 database, not shipdesk's embedded one: set data_dir to shipdesk's own data folder/);
  });

  test("--auto on a half-written folder: exit 2 (a person must look), one sentence, nothing bought or written", async () => {
    const { dataDir, db } = copyOfWhole();
    unlinkSync(join(db, "PG_VERSION"));
    const before = snapshot(db);
    // Nothing listens here: had the run gone on, it would have said it could not reach Canada Post.
    const nowhere = "http://127.0.0.1:9";
    const run = await runCli(["--auto"], { cwd: dataDir, env: { SHIPDESK_DATA_DIR: dataDir, CANADAPOST_BASE_URL: nowhere, BESTBUY_BASE_URL: nowhere } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      `The embedded database in ${db} is damaged or half-written (PG_VERSION is missing): restore the folder from a backup, or rename it (for example to db-damaged) and run shipdesk again to start a new, empty database; nothing in it was changed.`,
    ]);
    expect(snapshot(db)).toEqual(before);
  }, 30_000);

  test("the untouched copy still opens with its order (the damage above was each copy's own)", async () => {
    const { dataDir } = copyOfWhole();
    const db = await openDatabase({ dataDir });
    try {
      expect(db.created).toBe(false);
      expect((await db.query<{ n: number }>(countOrders))[0]!.n).toBe(1);
    } finally {
      await db.close();
    }
  }, 30_000);
});

test("the shipped database: PostgreSQL " + PG_MAJOR + ", stopped cleanly, nothing of a running server in it", async () => {
  const entries = readTar(Bun.gunzipSync(await shippedDatabase()));
  const file = (path: string) => entries.find((e) => e.path === path && e.kind === "file")?.data;
  expect(new TextDecoder().decode(file("PG_VERSION")).trim()).toBe(PG_MAJOR);
  const control = file("global/pg_control")!;
  expect(control.length).toBe(8192);
  // ControlFileData.state (after the system identifier and two version numbers): 1 is "shut down".
  expect(new DataView(control.buffer, control.byteOffset).getUint32(16, true)).toBe(1);
  expect(entries.some((e) => e.path === "postmaster.pid" || e.path === "shipdesk.lock")).toBe(false);
  expect(entries.filter((e) => e.kind === "directory").map((e) => e.path)).toEqual(expect.arrayContaining(["base", "global", "pg_wal", "pg_xact", "pg_tblspc"]));
});
