import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import type { MiddlewareHandler } from "hono";

/**
 * The saved state cannot be read. Its message is the one sentence the clerk needs (which file,
 * how to start afresh); sandbox mode's composition root (src/cli/app.ts) passes it on as a
 * settings error, so the run stops with it and exit code 2.
 */
export class SandboxStateDamaged extends Error {
  override readonly name = "SandboxStateDamaged";
}

/** What a sandbox keeps between runs: a JSON snapshot it can be rebuilt from. */
export interface Persistable {
  snapshot(): unknown;
  restore(data: unknown): void;
}

/** Where the in-process sandboxes keep their state, inside the data folder. */
export function sandboxStateFiles(dataDir: string): { canadaPost: string; bestBuy: string } {
  const dir = join(dataDir, "sandbox");
  return { canadaPost: join(dir, "canadapost.json"), bestBuy: join(dir, "bestbuy.json") };
}

/**
 * The origin the built-in Canada Post sandbox writes into its links. Links are stored with each
 * label and followed in later runs, so they must not name this run's port; requests to it are
 * routed to wherever the sandbox listens now. (.invalid never resolves: nothing real is reached.)
 */
export const BUILT_IN_CANADA_POST_ORIGIN = "http://canadapost.sandbox.invalid";

const STALE_LOCK_MS = 120_000;

/**
 * One sandbox's state on disk, so that separate shipdesk runs meet the same Canada Post and Best
 * Buy, as they would the real services. Written whole (temp file + rename) after every request
 * that changed it, before the reply goes out; re-read when another process changed it. A lock
 * file keeps two processes (the print page and a scheduled run, on a central database) from
 * overwriting each other's changes; requests of one process share it.
 */
export class SandboxStateFile {
  private lastText: string | undefined;
  private lastStamp: string | undefined;
  private holders = 0;
  private acquiring: Promise<void> | undefined;

  constructor(readonly path: string) {}

  /** The saved snapshot, or undefined when there is none yet. */
  read(): unknown {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return undefined;
      throw error;
    }
    this.lastText = text;
    this.lastStamp = this.stamp();
    try {
      return JSON.parse(text);
    } catch {
      throw new SandboxStateDamaged(
        `The built-in sandbox's saved state ${this.path} is damaged; delete that file to start the sandbox afresh (it holds sandbox data only, nothing real).`,
      );
    }
  }

  /** Writes the snapshot if it differs from what is on disk. */
  write(data: unknown): void {
    const text = JSON.stringify(data);
    if (text === this.lastText) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    this.lastText = text;
    this.lastStamp = this.stamp();
  }

  /** Reloads `into` when another process wrote the file since this one last read or wrote it. */
  refresh(into: Persistable): void {
    if (this.stamp() === this.lastStamp) return;
    const data = this.read();
    if (data !== undefined) into.restore(data);
  }

  /** Hono middleware: the request runs on the latest state and its changes are saved before the reply. */
  middleware(state: Persistable): MiddlewareHandler {
    return async (_c, next) => {
      await this.enter(state);
      try {
        await next();
      } finally {
        this.leave(state);
      }
    };
  }

  private async enter(state: Persistable): Promise<void> {
    if (this.holders === 0) {
      this.acquiring ??= this.lock().finally(() => (this.acquiring = undefined));
      await this.acquiring;
      if (this.holders === 0) this.refresh(state);
    }
    this.holders++;
  }

  private leave(state: Persistable): void {
    try {
      this.write(state.snapshot());
    } finally {
      this.holders--;
      if (this.holders === 0) this.unlock();
    }
  }

  private stamp(): string | undefined {
    try {
      const s = statSync(this.path);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return undefined;
    }
  }

  private get lockPath(): string {
    return `${this.path}.lock`;
  }

  private async lock(): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    const me = JSON.stringify({ pid: process.pid, host: hostname() });
    for (;;) {
      try {
        const fd = openSync(this.lockPath, "wx");
        writeSync(fd, me);
        closeSync(fd);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "EEXIST") throw error;
      }
      if (this.lockIsStale()) {
        try {
          unlinkSync(this.lockPath);
        } catch {
          // another process broke it first
        }
        continue;
      }
      await Bun.sleep(10);
    }
  }

  /** A lock left by a process that is gone, or held far longer than any request takes. */
  private lockIsStale(): boolean {
    try {
      const holder = JSON.parse(readFileSync(this.lockPath, "utf8")) as { pid: number; host: string };
      if (holder.host === hostname() && !alive(holder.pid)) return true;
      return Date.now() - statSync(this.lockPath).mtimeMs > STALE_LOCK_MS;
    } catch {
      // Half-written (its writer died) or just removed: look again shortly.
      try {
        return Date.now() - statSync(this.lockPath).mtimeMs > 1000;
      } catch {
        return false;
      }
    }
  }

  private unlock(): void {
    try {
      unlinkSync(this.lockPath);
    } catch {
      // already gone
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * The Canada Post sandboxes' (XML and portal) shared way of keeping what was sold and the
 * queued faults in `path`: restored now, saved after every request that changed them.
 */
export function keepCanadaPostState(
  app: { use(path: string, handler: MiddlewareHandler): unknown },
  path: string | undefined,
  state: { snapshot(): unknown; restore(data: never): void },
  faults: { snapshot(): unknown; restore(data: never): void },
): { save(): void } {
  if (!path) return { save: () => {} };
  const file = new SandboxStateFile(path);
  const persisted: Persistable = {
    snapshot: () => ({ state: state.snapshot(), faults: faults.snapshot() }),
    restore: (data: unknown) => {
      const d = data as { state: never; faults: never };
      state.restore(d.state);
      faults.restore(d.faults);
    },
  };
  const saved = file.read();
  if (saved !== undefined) persisted.restore(saved);
  app.use("*", file.middleware(persisted));
  return { save: () => file.write(persisted.snapshot()) };
}
