import { join } from "node:path";

export const CLI = join(import.meta.dir, "../../src/cli.ts");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `bun src/cli.ts …` as the clerk's scheduler would: its own process, no terminal. */
export async function runCli(args: string[], options: { env?: Record<string, string>; cwd: string; stdin?: "ignore" | "pipe" }): Promise<CliRun> {
  const started = performance.now();
  const proc = Bun.spawn([process.execPath, CLI, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: options.cwd, ...options.env },
    stdin: options.stdin ?? "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { code, stdout, stderr, ms: performance.now() - started };
}
