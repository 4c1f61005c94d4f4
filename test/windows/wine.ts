// Running build/shipdesk.exe under Wine, as the clerk's Windows PC would run it.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { HOST_FILE, type HostFile } from "../../src/db/host/file.ts";

export const ROOT = join(import.meta.dir, "../..");
/** The shared tools sit beside the repository: /work/shared here, ../shared from a CI clone. */
export const SHARED = join(ROOT, "..", "shared");
export const WINE = "/usr/lib/wine/wine64";

const PREFIX = process.env.WINEPREFIX ?? join(homedir(), ".wine");
export const DRIVE_C = join(PREFIX, "drive_c");

/** Where Wine keeps a `C:\…` path on this machine (C: is the prefix's drive_c folder). */
/**
 * The database host file a Windows shipdesk wrote in `folder` (a Linux path), if there is one.
 * readHostFile refuses it: the file names its folder by the Windows path.
 */
export function windowsHostFile(folder: string): HostFile | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, HOST_FILE), "utf8")) as HostFile;
  } catch {
    return undefined; // no host file: no host is running
  }
}

export function linuxPath(windowsPath: string): string {
  const m = /^[Cc]:\\(.*)$/.exec(windowsPath);
  if (!m) throw new Error(`not a C: path: ${windowsPath}`);
  return join(DRIVE_C, ...m[1]!.split("\\").filter(Boolean));
}

export interface WineRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the Wine process running the program, when asked for. */
  rssMb?: number;
}

/**
 * Only what Wine needs and what the test sets: no DATABASE_URL or other settings from the CI
 * job leak into the program. Wine hands the environment on to the Windows process.
 */
export function wineEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: homedir(), WINEDEBUG: "-all", ...extra };
  if (process.env.WINEPREFIX) env.WINEPREFIX = process.env.WINEPREFIX;
  if (process.env.USER) env.USER = process.env.USER;
  return env;
}

interface WineOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Writes /usr/bin/time -v's report here (not to stderr, which the tests read). */
  timeReport?: string;
}

export function startWine(exe: string, args: string[], options: WineOptions) {
  const time = options.timeReport ? ["/usr/bin/time", "-v", "-o", options.timeReport] : [];
  return Bun.spawn([...time, WINE, exe, ...args], { cwd: options.cwd, env: wineEnv(options.env), stdin: "ignore", stdout: "pipe", stderr: "pipe" });
}

/**
 * With `measure`, also the peak resident memory, as far as Wine lets it be seen: the Windows
 * program runs inside the wine64 process that /usr/bin/time waits for (wineserver, a daemon
 * shared by every Wine program, is not counted).
 */
export async function runWine(exe: string, args: string[], options: { cwd: string; env?: Record<string, string>; measure?: boolean }): Promise<WineRun> {
  const started = performance.now();
  const timeReport = options.measure ? join(DRIVE_C, "..", `shipdesk-time-${process.pid}.txt`) : undefined;
  const proc = startWine(exe, args, { ...options, timeReport });
  const out = drain(proc.stdout);
  const err = drain(proc.stderr);
  const code = await proc.exited;
  const run: WineRun = { code, stdout: await out.untilClosedOr(1000), stderr: await err.untilClosedOr(1000), ms: performance.now() - started };
  if (timeReport) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(existsSync(timeReport) ? readFileSync(timeReport, "utf8") : "")?.[1];
    if (kb) run.rssMb = Number(kb) / 1024;
    rmSync(timeReport, { force: true });
  }
  return run;
}

/** Under a pseudo-terminal Wine gives the program a console, as cmd.exe would. */
export function runWineInConsole(exe: string, args: string[], cwd: string): WineRun {
  const started = performance.now();
  const command = [WINE, exe, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const proc = Bun.spawnSync(["script", "-qec", command, "/dev/null"], { cwd, env: wineEnv(), stdin: "ignore" });
  return { code: proc.exitCode ?? -1, stdout: proc.stdout.toString(), stderr: proc.stderr.toString(), ms: performance.now() - started };
}

async function mustRun(cmd: string[], what: string): Promise<void> {
  const proc = Bun.spawn(cmd, { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${out}\n${err}`);
}

/**
 * Builds the .exe, prepares Wine (installs it from Debian the first time) and puts the program
 * in `folder` (a Windows folder under drive_c) with the DLL stand-in Wine 8 needs beside it.
 */
export async function prepareProgram(folder: string): Promise<{ exe: string; buildMs: number; setupMs: number }> {
  let t = performance.now();
  await mustRun([process.execPath, "run", "build", "windows"], "bun run build windows");
  const buildMs = performance.now() - t;
  t = performance.now();
  const stage = join(ROOT, "build", "wine");
  mkdirSync(stage, { recursive: true });
  await mustRun(["bash", join(SHARED, "tools", "wine", "setup.sh"), stage], "setup.sh");
  const setupMs = performance.now() - t;
  const dir = linuxPath(folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, "build", "shipdesk.exe"), join(dir, "shipdesk.exe"));
  copyFileSync(join(stage, "bcryptprimitives.dll"), join(dir, "bcryptprimitives.dll"));
  if (!existsSync(join(dir, "shipdesk.exe"))) throw new Error(`shipdesk.exe was not copied to ${dir}`);
  // Started by its C:\ path, so the program sees itself where the clerk put it (not on Z:).
  return { exe: `${folder}\\shipdesk.exe`, buildMs, setupMs };
}

/**
 * Reads a stream as it comes. Wine hands a new Windows process its starter's Unix stderr (it
 * redirects only stdin and stdout), so the database host a run starts holds the run's stderr
 * open until the host exits: the run's output is what came before it exited, and a second more.
 * (On Windows the run's std handles are made non-inheritable before the host starts.)
 */
function drain(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  const closed = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      chunks.push(value);
    }
  })().catch(() => {});
  return {
    async untilClosedOr(ms: number): Promise<string> {
      await Promise.race([closed, Bun.sleep(ms)]);
      void reader.cancel().catch(() => {});
      return new TextDecoder().decode(Buffer.concat(chunks));
    },
  };
}
