// Issue 9 §3: start-up of the compiled binary, against /bin/true and `bun --version` in the same run.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshServerDatabase } from "../test/support/database.ts";
import { firstRun, type FirstRun } from "./first-run.ts";
import { hostedStatus, type HostedStatus } from "./hosted-status.ts";
import { stopHostOf } from "./host.ts";
import { medianRunMs, runMs } from "./timing.ts";

export interface Startup {
  runs: number;
  trueMs: number;
  bunVersionMs: number;
  versionMs: number;
  statusServerMs: number;
  /** Issue 25: status on the embedded database with no host running, and with the print page's. */
  hosted: HostedStatus;
  buildMs: number;
  /** Peak memory of the binary's first runs (issue 17), measured with the same build. */
  first: FirstRun;
}

const root = new URL("..", import.meta.url).pathname;

export async function startup(runs: number): Promise<Startup> {
  const t0 = performance.now();
  const built = Bun.spawnSync([process.execPath, "run", "build", "linux"], { cwd: root, stdout: "ignore", stderr: "pipe" });
  if (built.exitCode !== 0) throw new Error(`bun run build linux failed: ${built.stderr.toString()}`);
  const buildMs = performance.now() - t0;
  // A private copy in an empty folder: another engineer's rebuild cannot swap it mid-run, and no
  // shipdesk.toml or data folder from the tree is picked up.
  const dir = mkdtempSync(join(tmpdir(), "shipdesk-bench-bin-"));
  const bin = join(dir, "shipdesk");
  copyFileSync(join(root, "build", "shipdesk"), bin);
  Bun.spawnSync(["chmod", "+x", bin]);
  const database = await freshServerDatabase("bench_status");
  try {
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir };
    const serverEnv = { ...env, DATABASE_URL: database.url };
    const fixed = {
      runs,
      trueMs: medianRunMs(["/bin/true"], runs),
      bunVersionMs: medianRunMs([process.execPath, "--version"], runs),
      versionMs: medianRunMs([bin, "--version"], runs, { cwd: dir, env }),
      statusServerMs: medianRunMs([bin, "status"], runs, { cwd: dir, env: serverEnv }),
    };
    // One status makes the embedded database beside the binary (from the shipped copy); the
    // measured runs reopen it.
    runMs([bin, "status"], { cwd: dir, env });
    const hosted = await hostedStatus(bin, dir, env, serverEnv, runs);
    return { ...fixed, hosted, buildMs, first: await firstRun(bin) };
  } finally {
    await stopHostOf(join(dir, "shipdesk-data"));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(await startup(Number(process.argv[2] ?? 10)));
