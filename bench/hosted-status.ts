// Issue 25: `shipdesk status` on the embedded database, now a client of the folder's host.
// With no host running, status starts one (PGlite opens in the host, not in status) and leaves it
// behind for 30 s; with the print page open, its host is already there and status only connects,
// which the issue wants as fast as on a server database.
import { join } from "node:path";
import { peakRssOf } from "./children.ts";
import { hostOf, peakRssOfPid, stopHostOf, waitForHost } from "./host.ts";
import { median, runMs } from "./timing.ts";

export interface HostedStatus {
  runs: number;
  /** `status` with no host running (each run finds none: it starts one); median wall. */
  coldMs: number;
  /** Peak RSS of the host such a status left behind (median over the runs). */
  coldHostRssMb: number;
  /** `status` while the print page (`shipdesk serve`, another process) hosts the folder. */
  hostedMs: number;
  /** `status` on the server database, its runs taken in turn with the hosted ones (median). */
  serverMs: number;
  hostedRssMb: number;
  /** `status` on the server database, peak RSS measured the same way (median). */
  serverRssMb: number;
  /** The print page's host and the print page itself at the end, VmHWM. */
  printPageHostRssMb: number;
  printPageRssMb: number;
}

type Env = Record<string, string>;

function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

/** Each run starts with no host: the one the previous run left is stopped first. */
async function coldStatus(bin: string, cwd: string, env: Env, dataDir: string, runs: number) {
  const walls: number[] = [];
  const hosts: number[] = [];
  for (let i = 0; i < runs; i++) {
    await stopHostOf(dataDir);
    walls.push(runMs([bin, "status"], { cwd, env }));
    const host = hostOf(dataDir);
    if (!host) throw new Error("bench: status left no database host running");
    hosts.push(peakRssOfPid(host.pid));
  }
  await stopHostOf(dataDir);
  return { coldMs: median(walls), coldHostRssMb: median(hosts) };
}

/**
 * `bin` sits in `dir`, whose `shipdesk-data` holds an existing embedded database (made by an
 * earlier status); `serverEnv` points status at the server database for the baseline.
 */
export async function hostedStatus(bin: string, dir: string, env: Env, serverEnv: Env, runs: number): Promise<HostedStatus> {
  const dataDir = join(dir, "shipdesk-data");
  const cold = await coldStatus(bin, dir, env, dataDir, runs);
  const rssRuns = 5;
  const rss = (e: Env) => median(Array.from({ length: rssRuns }, () => peakRssOf([bin, "status"], { cwd: dir, env: e })));
  const serverRssMb = rss(serverEnv);
  const page = Bun.spawn([bin, "serve", "--port", String(freePort())], { cwd: dir, env, stdin: "ignore", stdout: "ignore", stderr: "ignore" });
  try {
    const host = await waitForHost(dataDir);
    if (!host.program.includes("serve")) throw new Error(`bench: the folder's host was started by ${host.program}, not the print page`);
    // In turn with the server's runs, so that other work on the machine weighs on both alike;
    // one unmeasured run of each first (the page cache), as for every other start-up figure.
    const hosted: number[] = [];
    const server: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const h = runMs([bin, "status"], { cwd: dir, env });
      const s = runMs([bin, "status"], { cwd: dir, env: serverEnv });
      if (i > 0) hosted.push(h), server.push(s);
    }
    const hostedRssMb = rss(env);
    if (hostOf(dataDir)?.pid !== host.pid) throw new Error("bench: the print page's host was replaced during the status runs");
    return { runs, ...cold, hostedMs: median(hosted), serverMs: median(server), hostedRssMb, serverRssMb, printPageHostRssMb: peakRssOfPid(host.pid), printPageRssMb: peakRssOfPid(page.pid) };
  } finally {
    page.kill("SIGTERM");
    await page.exited;
    await stopHostOf(dataDir);
  }
}
