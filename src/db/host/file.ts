import { readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { alive } from "../lock.ts";

/**
 * Bumped whenever the host and its clients would no longer understand each other: a client
 * never speaks to a host of another protocol, it waits for that host to go.
 */
export const HOST_PROTOCOL = 1;

/** The host file, beside the folder's lock: who hosts the folder and how to reach it. */
export const HOST_FILE = "shipdesk.host";

export interface HostFile {
  protocol: number;
  pid: number;
  /** "starting" while it opens the folder (and brings its schema up to date), then "ready". */
  state: "starting" | "ready";
  port: number;
  /** The password of the host's clients: whoever can read the data folder may connect. */
  secret: string;
  /** The program that started the host, in the clerk's words. */
  program: string;
  since: string;
  /** The folder it hosts: a host file copied with its folder (a backup) names another. */
  folder: string;
  /** True when this host made the database (copied from the one shipped inside shipdesk). */
  created?: boolean;
}

export const hostFilePath = (folder: string): string => join(folder, HOST_FILE);

export function readHostFile(folder: string): HostFile | undefined {
  try {
    const file = JSON.parse(readFileSync(hostFilePath(folder), "utf8")) as HostFile;
    return typeof file.pid === "number" && file.folder === resolve(folder) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Written whole or not at all (a temporary file renamed over it); only this user may read it.
 * Windows refuses a rename while another process reads the target (EPERM, EBUSY): a few tries.
 */
export function writeHostFile(folder: string, file: HostFile): void {
  const path = hostFilePath(folder);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 });
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(temporary, path);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 50 || (code !== "EPERM" && code !== "EBUSY" && code !== "EACCES")) throw error;
      Bun.sleepSync(20);
    }
  }
}

/** Removes the host file if it is still this process's. */
export function removeHostFile(folder: string): void {
  if (readHostFile(folder)?.pid !== process.pid) return;
  try {
    unlinkSync(hostFilePath(folder));
  } catch {
    // gone already
  }
}

/**
 * Asks the folder's host to close PGlite and exit, and waits for it (bounded): for a copy of the
 * folder that must be whole (the tests copy folders), or before the folder is moved.
 */
export async function stopHost(folder: string, waitMs = 15_000): Promise<void> {
  const file = readHostFile(folder);
  if (!file || !alive(file.pid)) return;
  process.kill(file.pid, "SIGTERM");
  const deadline = Date.now() + waitMs;
  while (alive(file.pid) && Date.now() < deadline) await Bun.sleep(20);
}
