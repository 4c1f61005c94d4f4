import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HostReport } from "./main.ts";
import { keepStdioFromChildren } from "./no-inherit.ts";

/** The hidden command that runs the host (src/cli.ts answers it before anything else loads). */
export const HOST_COMMAND = "__db-host";

// In the compiled binary the program is the executable itself; under `bun src/cli.ts` (and the
// tests) it is Bun with the entry script.
const compiled = /[\\/]\$bunfs[\\/]|~BUN/.test(import.meta.dir);
const ENTRY = join(import.meta.dir, "..", "..", "cli.ts");

export interface StartedHost {
  pid: number | undefined;
  startedAt: number;
  exited: boolean;
  /** What the host said when it could not open the folder, once it has exited. */
  failure(): HostReport | undefined;
}

/**
 * Starts the folder's host, detached: it outlives this process and serves the next ones, and
 * exits by itself once idle. Task Scheduler may end it with the run that started it (the job
 * object): the next shipdesk simply starts another.
 */
export function startHost(folder: string, program: string): StartedHost {
  const reportPath = join(tmpdir(), `shipdesk-host-${randomUUID()}.json`);
  const args = [...(compiled ? [] : [ENTRY]), HOST_COMMAND, folder, program, reportPath];
  keepStdioFromChildren();
  const child = spawn(process.execPath, args, { detached: true, stdio: "ignore", windowsHide: true, cwd: tmpdir() });
  // Read (and removed) as soon as the host exits, whether or not anyone asks: a host that lost
  // the race for the folder to another one reports LOCKED, and its file would stay in %TEMP%.
  let report: HostReport | undefined;
  const exited = () => {
    if (started.exited) return;
    started.exited = true;
    try {
      report = JSON.parse(readFileSync(reportPath, "utf8")) as HostReport;
      unlinkSync(reportPath);
    } catch {
      // no report: the host ended without a word (killed), or it never started
    }
  };
  const started: StartedHost = {
    pid: child.pid,
    startedAt: Date.now(),
    exited: false,
    failure: () => report,
  };
  child.once("exit", exited);
  child.once("error", exited);
  child.unref();
  return started;
}
