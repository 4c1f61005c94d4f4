// Exit codes mean what the README says (issue 24, item 6): a data folder that is not a folder,
// or a damaged embedded database, is exit 2 with one sentence naming the folder and the fix,
// every run until a person mends it; exit 4 is only for a bug, and its sentence names a log
// file that really holds the details (the temporary folder's when the data folder cannot).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stopHost } from "../../src/db/host/file.ts";
import { embeddedFolder, migrate, openDatabase } from "../../src/db/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { canRunThrowawayCluster, throwawayCluster } from "../support/throwaway-cluster.ts";
import { runCli } from "./run-cli.ts";
import insertOrder from "../db/insert_order.sql" with { type: "text" };
import relationFileSql from "./relation_file.sql" with { type: "text" };
import checkpointSql from "./checkpoint.sql" with { type: "text" };

const BUG_CLI = join(import.meta.dir, "../fixtures/bug-cli.ts");
const dir = tempDir("exit-codes");
/** A whole embedded data folder with an order in it, copied for each damage below. */
const whole = join(dir.path, "whole");
let ordersFile = "";
let cases = 0;
let t: TestDatabase;
const nowhere = "http://127.0.0.1:9";

beforeAll(async () => {
  t = await freshServerDatabase("exit_codes");
  const db = await openDatabase({ dataDir: whole });
  try {
    await migrate(db);
    await db.query(insertOrder, ["KEEP-1"]);
    ordersFile = (await db.query<{ path: string }>(relationFileSql, ["orders"]))[0]!.path;
  } finally {
    await db.close();
    // Copied whole below: its host closes PGlite first, as the clerk would close shipdesk.
    await stopHost(embeddedFolder(whole));
  }
}, 60_000);
afterAll(async () => {
  await t.drop();
  dir.remove();
});

function copyOfWhole(): string {
  const dataDir = join(dir.path, `case-${++cases}`);
  cpSync(whole, dataDir, { recursive: true });
  return dataDir;
}

/** Damages the first page of a file of the database, as a bad sector or a half-copied file would. */
function damage(dataDir: string, relative: string) {
  const path = join(dataDir, "db", relative);
  const bytes = readFileSync(path);
  bytes.fill(0x5a, 0, Math.min(8192, bytes.length));
  writeFileSync(path, bytes);
}

function expectOneLine(text: string): string {
  const lines = text.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe("a data folder that is not a folder", () => {
  test("a file of that name: exit 2, one sentence naming the folder and data_dir, on the embedded database and on the server", async () => {
    const cwd = join(dir.path, "file-here");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "shipdesk.toml"), "", { mode: 0o600 });
    writeFileSync(join(cwd, "shipdesk-data"), "a file, not a folder");
    const expected = `The data folder ${join(cwd, "shipdesk-data")} is a file, not a folder; move that file away, or point data_dir in ${join(cwd, "shipdesk.toml")} at a folder, and run shipdesk again.`;
    const embedded: Record<string, string> = { CANADAPOST_BASE_URL: nowhere, BESTBUY_BASE_URL: nowhere };
    for (const env of [embedded, { ...embedded, DATABASE_URL: t.url }]) {
      for (const args of [["status"], ["ship", "--auto"], ["--auto"]]) {
        const run = await runCli(args, { cwd, env });
        expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: "" });
        expect(expectOneLine(run.stderr)).toBe(expected);
      }
    }
  }, 60_000);

  test("SHIPDESK_DATA_DIR=/dev/null: exit 2, the variable named, no attempt to log there", async () => {
    const cwd = join(dir.path, "dev-null");
    mkdirSync(cwd);
    const run = await runCli(["ship", "--auto"], { cwd, env: { SHIPDESK_DATA_DIR: "/dev/null", CANADAPOST_BASE_URL: nowhere, BESTBUY_BASE_URL: nowhere } });
    expect(run.code).toBe(2);
    expect(expectOneLine(run.stderr)).toBe(
      "The data folder /dev/null is a device, not a folder; point the environment variable SHIPDESK_DATA_DIR at a folder, and run shipdesk again.",
    );
  }, 30_000);
});

describe("a damaged embedded database", () => {
  test("a damaged relation file (the orders table): exit 2 naming the folder and the fix, and the same at the next run — never 'the next run picks up'", async () => {
    const dataDir = copyOfWhole();
    damage(dataDir, ordersFile);
    const expected = new RegExp(
      `^The embedded database in ${join(dataDir, "db")} is damaged \\(invalid page in block 0 of relation "${ordersFile}"\\): restore the folder from a backup, or rename it \\(for example to db-damaged\\) and run shipdesk again to start a new, empty database\\.$`,
    );
    for (const args of [["status"], ["ship", "--auto"], ["status"]]) {
      const run = await runCli(args, { cwd: dataDir, env: { SHIPDESK_DATA_DIR: dataDir, CANADAPOST_BASE_URL: nowhere, BESTBUY_BASE_URL: nowhere } });
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(expectOneLine(run.stderr)).toMatch(expected);
    }
  }, 60_000);

  // PostgreSQL reads a table whose file was cut short as having fewer rows, and no error: a
  // shipments table read so would have every label bought again. The host compares each file with
  // the pages it recorded when it last opened and closed the folder.
  for (const [what, cut] of [
    ["a relation file gone", (path: string) => rmSync(path)],
    ["a relation file cut to nothing (a copy stopped half-way)", (path: string) => truncateSync(path, 0)],
  ] as const) {
    test(`${what}: exit 2 naming the table, at every run; no file of the folder added or removed`, async () => {
      const dataDir = copyOfWhole();
      const path = join(dataDir, "db", ordersFile);
      cut(path);
      const before = readdirSync(join(dataDir, "db"), { recursive: true }).length;
      for (const args of [["status"], ["ship", "--auto"]]) {
        const run = await runCli(args, { cwd: dataDir, env: { SHIPDESK_DATA_DIR: dataDir, CANADAPOST_BASE_URL: nowhere, BESTBUY_BASE_URL: nowhere } });
        expect({ args, code: run.code }).toEqual({ args, code: 2 });
        expect(expectOneLine(run.stderr)).toBe(
          `The embedded database in ${join(dataDir, "db")} is damaged (the orders table's file holds 0 of its 1 pages): restore the folder from a backup, or rename it (for example to db-damaged) and run shipdesk again to start a new, empty database.`,
        );
      }
      expect(readdirSync(join(dataDir, "db"), { recursive: true }).length).toBe(before);
    }, 30_000);
  }

  test("a damaged system catalog, so the database cannot even start: exit 2, not 3", async () => {
    const dataDir = copyOfWhole();
    damage(dataDir, "global/1262"); // pg_database
    const run = await runCli(["ship", "--auto"], { cwd: dataDir, env: { SHIPDESK_DATA_DIR: dataDir, CANADAPOST_BASE_URL: nowhere, BESTBUY_BASE_URL: nowhere } });
    expect(run.code).toBe(2);
    expect(expectOneLine(run.stderr)).toMatch(new RegExp(`^The embedded database in ${join(dataDir, "db")} is damaged \\(.+\\): restore the folder from a backup, or rename it`));
  }, 30_000);
});

describe.skipIf(!canRunThrowawayCluster())("a damaged server database (DATABASE_URL)", () => {
  test("a damaged page of the orders table: exit 2 naming the server (never its password) and who mends it, at every run; not exit 4", async () => {
    const cluster = throwawayCluster();
    try {
      const url = cluster.url.replace("postgres@", "postgres:s3cret@");
      const db = await openDatabase({ databaseUrl: cluster.url, dataDir: "" });
      let file: string;
      try {
        await migrate(db);
        await db.query(insertOrder, ["KEEP-1"]);
        file = (await db.query<{ path: string }>(relationFileSql, ["orders"]))[0]!.path;
        await db.exec(checkpointSql);
      } finally {
        await db.close();
      }
      // Stopped first, so that the page is read from the disk, not from the server's memory.
      cluster.stop();
      const path = join(cluster.dataDir, file);
      const bytes = readFileSync(path);
      bytes.fill(0x5a, 0, 8192);
      writeFileSync(path, bytes);
      cluster.start();
      const cwd = join(dir.path, "server-damaged");
      mkdirSync(cwd);
      const expected = new RegExp(
        `^The PostgreSQL server at postgres://postgres:\\*\\*\\*\\*@127\\.0\\.0\\.1:\\d+/postgres reports damaged data \\(invalid page in block 0 of relation ${file.replace(/\//g, "\\/")}\\): whoever looks after that server must repair the table it names or restore the database from a backup; run shipdesk again once that is done\\.$`,
      );
      for (const args of [["status"], ["ship", "--auto"]]) {
        const run = await runCli(args, { cwd, env: { DATABASE_URL: url, SHIPDESK_DATA_DIR: join(cwd, "data"), CANADAPOST_BASE_URL: nowhere, BESTBUY_BASE_URL: nowhere } });
        expect({ args, code: run.code }).toEqual({ args, code: 2 });
        expect(expectOneLine(run.stderr)).toMatch(expected);
        expect(run.stderr).not.toContain("s3cret");
      }
    } finally {
      cluster.remove();
    }
  }, 60_000);
});

describe("exit 4: a bug, and a log that has it", () => {
  test("the sentence names shipdesk.log in the data folder, which holds the details", async () => {
    const cwd = join(dir.path, "bug-logged");
    mkdirSync(cwd);
    const proc = await spawnBug(cwd, { DATABASE_URL: t.url, SHIPDESK_DATA_DIR: join(cwd, "data") });
    expect(proc.code).toBe(4);
    const log = join(cwd, "data", "shipdesk.log");
    expect(proc.stderr.trim()).toBe(`shipdesk stopped on an unexpected error (a bug stands in here); nothing was lost, run it again, and if it repeats send ${log} to the maintainer.`);
    expect(readFileSync(log, "utf8")).toContain("TypeError: a bug stands in here");
  }, 30_000);

  test("when the data folder cannot take the log, it goes to the temporary folder, and the sentence names that file", async () => {
    const cwd = join(dir.path, "bug-elsewhere");
    const temp = join(cwd, "temp");
    mkdirSync(join(cwd, "data", "shipdesk.log"), { recursive: true }); // a folder where the log file should be
    mkdirSync(temp);
    const proc = await spawnBug(cwd, { DATABASE_URL: t.url, SHIPDESK_DATA_DIR: join(cwd, "data"), TMPDIR: temp });
    expect(proc.code).toBe(4);
    const log = join(temp, "shipdesk.log");
    expect(proc.stderr.trim()).toBe(`shipdesk stopped on an unexpected error (a bug stands in here); nothing was lost, run it again, and if it repeats send ${log} to the maintainer.`);
    expect(readFileSync(log, "utf8")).toContain("TypeError: a bug stands in here");
  }, 30_000);
});

async function spawnBug(cwd: string, env: Record<string, string>) {
  const proc = Bun.spawn([process.execPath, BUG_CLI, "status"], { cwd, env: { PATH: process.env.PATH ?? "", HOME: cwd, ...env }, stdout: "pipe", stderr: "pipe", stdin: "ignore" });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { code, stdout, stderr };
}
