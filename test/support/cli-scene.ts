import { afterAll, beforeAll } from "bun:test";
import { writeFileSync } from "node:fs";
import { openDatabase } from "../../src/db/index.ts";
import { startBestBuySandbox, type BestBuySandboxOptions, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { runCli, spawnCli, type CliRun } from "../cli/run-cli.ts";
import { childUrl, freshServerDatabase, tempDir, waitForChildSessionsToEnd, type TestDatabase } from "./database.ts";

/** Where a CLI scene keeps its data: the central PostgreSQL server, or the embedded one in the data folder. */
export type DatabaseKind = "server" | "embedded";
export const DATABASE_KINDS: readonly DatabaseKind[] = ["server", "embedded"];

export interface CliScene {
  dir: string;
  labelsDir: string;
  dataDir: string;
  env: Record<string, string>;
  bb: RunningBestBuySandbox;
  /** Writes shipdesk.toml (private, as the README asks, so no warning comes with every run). */
  settings(toml: string): void;
  /** `shipdesk …` in its own process, as the clerk runs it. */
  cli(...args: string[]): Promise<CliRun>;
  /** The same, left running for the test to kill or to act on meanwhile. */
  spawn(...args: string[]): ReturnType<typeof spawnCli>;
  /** After a run was killed: the server has dropped its sessions, as it does at once for a dead process. */
  killedRunGone(): Promise<void>;
  /** A query on the scene's database, between runs (the embedded folder is opened and closed again). */
  query<T extends Record<string, unknown> = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
  done(): Promise<void>;
}

/** The last line of a run's output: the summary line. */
export const summaryOf = (stdout: string): string => stdout.trim().split("\n").at(-1)!;

/** One Canada Post sandbox for the test file, started before its tests and stopped after them. */
export function canadaPostForFile(): () => RunningCanadaPostSandbox {
  let cp: RunningCanadaPostSandbox | undefined;
  beforeAll(() => {
    cp = startCanadaPostSandbox();
  });
  afterAll(async () => {
    await cp?.stop();
  });
  return () => cp!;
}

/**
 * A folder with the labels and data folders, a Best Buy sandbox with `bestBuy`'s orders, and
 * the Canada Post sandbox `cp` (started afresh: no labels, no faults); `shipdesk.toml` beside it
 * when `toml` is given.
 */
export async function cliScene(label: string, kind: DatabaseKind, cp: RunningCanadaPostSandbox, bestBuy: BestBuySandboxOptions, toml?: string): Promise<CliScene> {
  cp.state.reset();
  cp.faults.clear();
  const canadaPostUrl = cp.url;
  const dir = tempDir(`cli-${label}-${kind}`);
  const server: TestDatabase | undefined = kind === "server" ? await freshServerDatabase(`cli_${label}`) : undefined;
  const bb = startBestBuySandbox(bestBuy);
  const dataDir = `${dir.path}/data`;
  const labelsDir = `${dir.path}/labels`;
  const env: Record<string, string> = {
    SHIPDESK_DATA_DIR: dataDir,
    SHIPDESK_LABELS_DIR: labelsDir,
    CANADAPOST_BASE_URL: canadaPostUrl,
    BESTBUY_BASE_URL: bb.url,
    ...(server ? { DATABASE_URL: childUrl(server.url) } : {}),
  };
  const settings = (text: string) => writeFileSync(`${dir.path}/shipdesk.toml`, text, { mode: 0o600 });
  if (toml !== undefined) settings(toml);
  return {
    settings,
    dir: dir.path,
    labelsDir,
    dataDir,
    env,
    bb,
    cli: (...args) => runCli(args, { env, cwd: dir.path }),
    spawn: (...args) => spawnCli(args, { env, cwd: dir.path }),
    killedRunGone: async () => {
      if (server) await waitForChildSessionsToEnd(server.db);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      if (server) return server.db.query<T>(sql, params);
      const db = await openDatabase({ dataDir });
      try {
        return await db.query<T>(sql, params);
      } finally {
        await db.close();
      }
    },
    async done() {
      await bb.stop();
      await server?.drop();
      dir.remove();
    },
  };
}
