import { afterAll, beforeAll } from "bun:test";
import type { Database } from "../../src/db/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "./database.ts";

export interface FileScene<S> {
  /** The file's sandbox. */
  readonly cp: S;
  /** The file's database… */
  readonly db: Database;
  /** …and its address, for the program run as a child process. */
  readonly url: string;
  /** The file's temporary folder. */
  readonly dir: string;
}

/**
 * A sandbox, one database and one temporary folder for a whole test file, its tests taking
 * turns on them (the CLI tests that run the program as the clerk does); all three removed
 * after the file. `name` names the folder (`shipdesk-<name>-…`) and the database (dashes
 * made underscores).
 */
export function fileScene<S extends { stop(): Promise<void> }>(name: string, start: () => S): FileScene<S> {
  let cp: S | undefined;
  let t: TestDatabase | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  beforeAll(async () => {
    dir = tempDir(name);
    cp = start();
    t = await freshServerDatabase(name.replaceAll("-", "_"));
  });
  afterAll(async () => {
    await cp?.stop();
    await t?.drop();
    dir?.remove();
  });
  const made = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`the scene of ${name} is made before the file's first test`);
    return value;
  };
  return {
    get cp() {
      return made(cp);
    },
    get db() {
      return made(t).db;
    },
    get url() {
      return made(t).url;
    },
    get dir() {
      return made(dir).path;
    },
  };
}
