// Starting the bench's child processes and reading their one-line JSON answers.
import type { BatchPlan, BatchResult, SandboxPlan, SandboxStats } from "./plan.ts";

const BUN = process.execPath;
const here = (file: string) => new URL(file, import.meta.url).pathname;

export interface SandboxProcess {
  urls: { canadaPost: string; bestBuy: string };
  stats(): Promise<SandboxStats>;
  stop(): Promise<void>;
}

/** Both sandboxes in their own process; resolves once they listen. */
export async function startSandboxes(plan: SandboxPlan): Promise<SandboxProcess> {
  const child = Bun.spawn([BUN, here("./sandboxes.ts"), JSON.stringify(plan)], { stdin: "pipe", stdout: "pipe", stderr: "inherit" });
  const lines = readLines(child.stdout);
  const urls = JSON.parse(await nextLine(lines)) as SandboxProcess["urls"];
  return {
    urls,
    async stats() {
      child.stdin.write("stats\n");
      child.stdin.flush();
      return JSON.parse(await nextLine(lines)) as SandboxStats;
    },
    async stop() {
      child.stdin.end();
      await child.exited;
    },
  };
}

export interface MeasuredBatch extends BatchResult {
  /** "Maximum resident set size" of the batch process, from /usr/bin/time -v. */
  maxRssMb: number;
}

/** One batch in a child process under /usr/bin/time -v (for its peak RSS). */
export async function runBatch(plan: BatchPlan): Promise<MeasuredBatch> {
  const child = Bun.spawn(["/usr/bin/time", "-v", BUN, here("./batch.ts"), JSON.stringify(plan)], { stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  if (code !== 0) throw new Error(`bench batch failed (exit ${code}):\n${err}`);
  const result = JSON.parse(out.trim().split("\n").at(-1)!) as BatchResult;
  return { ...result, maxRssMb: maxRssMb(err) };
}

/** Peak RSS in MB of `argv` run to the end, from /usr/bin/time -v. */
export function peakRssOf(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): number {
  const r = Bun.spawnSync(["/usr/bin/time", "-v", ...argv], { ...options, stdout: "ignore", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`${argv.join(" ")} exited ${r.exitCode}: ${r.stderr.toString().slice(0, 500)}`);
  return maxRssMb(r.stderr.toString());
}

function maxRssMb(timeOutput: string): number {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput);
  if (!m) throw new Error(`no "Maximum resident set size" in /usr/bin/time output:\n${timeOutput}`);
  return Number(m[1]) / 1024;
}

async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      yield buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
    }
  }
}

async function nextLine(lines: AsyncGenerator<string>): Promise<string> {
  const next = await lines.next();
  if (next.done) throw new Error("bench sandbox process ended before answering");
  return next.value;
}
