// Issue 25: the embedded database's host (src/db/host/) is a process of its own, left running
// 30 s after its last client. The bench reads its memory and CPU from /proc (Linux) while it is
// still there, and stops it so that the next measurement starts from the state it names.
import { readFileSync } from "node:fs";
import { readHostFile, stopHost, type HostFile } from "../src/db/host/file.ts";
import { alive } from "../src/db/lock.ts";
import { embeddedFolder } from "../src/db/index.ts";

/** The host of `dataDir`'s embedded database, if one is running and ready. */
export function hostOf(dataDir: string): HostFile | undefined {
  const file = readHostFile(embeddedFolder(dataDir));
  return file && file.state === "ready" && alive(file.pid) ? file : undefined;
}

/** Waits (bounded) until `dataDir`'s host is ready. */
export async function waitForHost(dataDir: string, waitMs = 60_000): Promise<HostFile> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const file = hostOf(dataDir);
    if (file) return file;
    if (Date.now() > deadline) throw new Error(`bench: no database host came up for ${dataDir}`);
    await Bun.sleep(25);
  }
}

/** Asks `dataDir`'s host to exit and waits for it: the next shipdesk finds no host running. */
export async function stopHostOf(dataDir: string): Promise<void> {
  const folder = embeddedFolder(dataDir);
  const file = readHostFile(folder);
  await stopHost(folder);
  if (file && alive(file.pid)) throw new Error(`bench: the database host ${file.pid} of ${dataDir} did not stop`);
}

function statusLine(pid: number, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`bench: no ${key} in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

/** Peak RSS (VmHWM) in MB of a running process, over its whole life so far. */
export const peakRssOfPid = (pid: number): number => statusLine(pid, "VmHWM");

/** User + system CPU in ms of a running process so far (clock ticks of /proc/<pid>/stat, 100 Hz). */
export function cpuMsOfPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
