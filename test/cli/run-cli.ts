import { join } from "node:path";

export const CLI = join(import.meta.dir, "../../src/cli.ts");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd: string;
  stdin?: "ignore" | "pipe";
}

/** `bun src/cli.ts …` started and left running: the test may kill it; `done` is how it ended. */
export function spawnCli(args: string[], options: CliOptions): { pid: number; kill(signal?: NodeJS.Signals | number): void; done: Promise<CliRun> } {
  const started = performance.now();
  const proc = Bun.spawn([process.execPath, CLI, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: options.cwd, ...options.env },
    stdin: options.stdin ?? "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const done = Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]).then(([stdout, stderr, code]) => ({
    code,
    stdout,
    stderr,
    ms: performance.now() - started,
  }));
  return { pid: proc.pid, kill: (signal) => proc.kill(signal), done };
}

/** Runs `bun src/cli.ts …` as the clerk's scheduler would: its own process, no terminal. */
export function runCli(args: string[], options: CliOptions): Promise<CliRun> {
  return spawnCli(args, options).done;
}
