// Issue 17: what the clerk's PC pays with the compiled binary, each beside the same thing on the
// PostgreSQL server: the demo and a first --auto in an empty folder, and `status` on an existing
// embedded database. Peak RSS from /usr/bin/time -v; the database host's (issue 25) from /proc.
import { linkSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshServerDatabase } from "../test/support/database.ts";
import { hostOf, peakRssOfPid, stopHostOf } from "./host.ts";

export interface FirstRun {
  /** `shipdesk demo` in an empty folder (embedded, always). */
  demoRssMb: number;
  /** `shipdesk --auto` in an empty folder, no settings: in-process sandboxes, a new embedded database. */
  autoEmbeddedRssMb: number;
  /** The same `--auto` with DATABASE_URL: the demo's cycle on the server database. */
  autoServerRssMb: number;
  /** The database host the first --auto started (PGlite lives there now), left running after it. */
  autoEmbeddedHostRssMb: number;
  /** `status` with no host running: it starts one, which outlives it. */
  statusEmbeddedRssMb: number;
  statusEmbeddedHostRssMb: number;
  statusServerRssMb: number;
}

interface Measured {
  rssMb: number;
  code: number;
  stderr: string;
}

function measure(bin: string, args: string[], cwd: string, env: Record<string, string>): Measured {
  const r = Bun.spawnSync(["/usr/bin/time", "-v", bin, ...args], { cwd, env, stdin: "ignore", stdout: "ignore", stderr: "pipe" });
  const stderr = r.stderr.toString();
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  if (!m) throw new Error(`no "Maximum resident set size" for shipdesk ${args.join(" ")}:\n${stderr}`);
  return { rssMb: Number(m[1]) / 1024, code: r.exitCode ?? -1, stderr };
}

/** Peak RSS of the host `dataDir`'s last command left running; then it is stopped. */
async function leftHostRssMb(dataDir: string): Promise<number> {
  const host = hostOf(dataDir);
  if (!host) throw new Error(`bench: no database host was left running for ${dataDir}`);
  const rss = peakRssOfPid(host.pid);
  await stopHostOf(dataDir);
  return rss;
}

/**
 * Each command in a folder of its own with nothing in it but what the command makes. Without
 * settings the data folder is beside the program, so each folder gets its own link to it.
 */
export async function firstRun(bin: string): Promise<FirstRun> {
  const root = mkdtempSync(join(tmpdir(), "shipdesk-bench-first-"));
  const server = await freshServerDatabase("bench_first");
  try {
    const run = (name: string, args: string[], extra: Record<string, string> = {}) => {
      const cwd = mkdtempSync(join(root, `${name}-`));
      const own = join(cwd, "shipdesk");
      linkSync(bin, own);
      // The demo's throwaway database goes under TMPDIR: inside the folder, so nothing is left.
      const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: cwd, TMPDIR: cwd, ...extra };
      const result = measure(own, args, cwd, env);
      if (result.code !== 0 && result.code !== 1) throw new Error(`shipdesk ${args.join(" ")} exited ${result.code}: ${result.stderr.slice(-800)}`);
      return { ...result, cwd, env, own };
    };
    const demo = run("demo", ["demo"]);
    const autoEmbedded = run("auto-embedded", ["--auto"]);
    const autoEmbeddedHostRssMb = await leftHostRssMb(join(autoEmbedded.cwd, "shipdesk-data"));
    const autoServer = run("auto-server", ["--auto"], { DATABASE_URL: server.url });
    // status on the database the first --auto made (its host stopped: status starts one), and on
    // the server one it filled.
    const statusEmbedded = measure(autoEmbedded.own, ["status"], autoEmbedded.cwd, autoEmbedded.env);
    const statusEmbeddedHostRssMb = await leftHostRssMb(join(autoEmbedded.cwd, "shipdesk-data"));
    const statusServer = measure(autoServer.own, ["status"], autoServer.cwd, autoServer.env);
    return {
      demoRssMb: demo.rssMb,
      autoEmbeddedRssMb: autoEmbedded.rssMb,
      autoServerRssMb: autoServer.rssMb,
      autoEmbeddedHostRssMb,
      statusEmbeddedRssMb: statusEmbedded.rssMb,
      statusEmbeddedHostRssMb,
      statusServerRssMb: statusServer.rssMb,
    };
  } finally {
    await server.drop();
    rmSync(root, { recursive: true, force: true });
  }
}
