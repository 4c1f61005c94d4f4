import { NodeFS } from "@electric-sql/pglite/nodefs";
import { fsyncSync } from "node:fs";

/**
 * PGlite starts PostgreSQL with fsync off (`-F` in its default flags) and its Node file system
 * has no fsync at all (Emscripten's NODEFS leaves it out, and its fdatasync does nothing): a
 * committed label, PIN and all, could sit in the operating system's cache when the power goes,
 * and the next run would buy it again. START_PARAMS turn fsync back on with the `fsync` method,
 * and this file system gives PostgreSQL's fsync a real one, so a commit is on the disk before
 * PostgreSQL says it is done, as on the server.
 */
let synced = 0;

/** How many fsyncs PostgreSQL asked for in this process (and got). */
export function fsyncCount(): number {
  return synced;
}

interface EmscriptenStream {
  nfd: number;
  node: { mode: number };
}

interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: EmscriptenStream) => number };
  tryFSOperation<T>(f: () => T): T;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;

export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>) {
    const result = await super.init(...args);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...preRun,
      (mod: unknown) => {
        const nodefs = (mod as { NODEFS: EmscriptenNodeFs }).NODEFS;
        nodefs.stream_ops.fsync = (stream) => {
          // Windows refuses to flush a directory (EPERM, which PostgreSQL would take for a
          // failed checkpoint); NTFS journals directory entries itself.
          if (process.platform === "win32" && (stream.node.mode & S_IFMT) === S_IFDIR) return 0;
          // A failure reaches PostgreSQL as an errno, as it would from the kernel.
          nodefs.tryFSOperation(() => fsyncSync(stream.nfd));
          synced++;
          return 0;
        };
      },
    ];
    return result;
  }
}
