import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A PostgreSQL cluster of the test's own, to stop and start under a running workflow (the
 * machine's shared server must never be stopped). Needs root (as CI and this machine run).
 */
export interface ThrowawayCluster {
  url: string;
  /** The cluster's data directory (owned by the postgres user). */
  dataDir: string;
  stop(): void;
  start(): void;
  remove(): void;
}

function bin(name: string): string {
  const version = readdirSync("/usr/lib/postgresql").sort().at(-1)!;
  return `/usr/lib/postgresql/${version}/bin/${name}`;
}

function run(args: string[]): void {
  const r = Bun.spawnSync(["runuser", "-u", "postgres", "--", ...args], { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr.toString()}`);
}

export function canRunThrowawayCluster(): boolean {
  return process.getuid?.() === 0 && Bun.spawnSync(["id", "postgres"]).exitCode === 0;
}

/**
 * A port nothing listens on now: the kernel's pick for a socket bound to port 0, let go at once.
 * (A port derived from the pid collided with a port in use, and the cluster failed to start.)
 */
export function freePort(): number {
  const server = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = server.port;
  server.stop(true);
  return port;
}

export function throwawayCluster(port: number = freePort()): ThrowawayCluster {
  const root = mkdtempSync(join(tmpdir(), "shipdesk-pg-"));
  const data = join(root, "data");
  const uid = Number(Bun.spawnSync(["id", "-u", "postgres"]).stdout.toString());
  const gid = Number(Bun.spawnSync(["id", "-g", "postgres"]).stdout.toString());
  chownSync(root, uid, gid);
  run([bin("initdb"), "-D", data, "--auth=trust", "-U", "postgres"]);
  const start = () => run([bin("pg_ctl"), "-D", data, "-o", `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`, "-w", "-l", join(root, "log"), "start"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: data,
    stop: () => run([bin("pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    remove() {
      try {
        run([bin("pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
