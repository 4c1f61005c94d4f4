import { closeSync, fsyncSync, mkdirSync, openSync, unlinkSync, writeSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { RESTORE_MARKER } from "./folder.ts";
import { createGunzip } from "node:zlib";
import { TarReader } from "./tar.ts";

// Every file written first, then synced side by side: a thousand write-then-fsync in a row took
// about twice as long (measured on ext4).
const SYNCERS = 8;

function writeAll(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

function writeFile(path: string, data: Uint8Array, sync: boolean): void {
  const fd = openSync(path, "w", 0o600);
  try {
    writeAll(fd, data);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, "r+");
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** A directory's entries are durable only once it is synced too (Windows cannot open one; NTFS journals them). */
function syncDirectory(path: string): void {
  if (process.platform === "win32") return;
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function safePath(path: string): string {
  const parts = path.split("/");
  if (path.startsWith("/") || parts.some((p) => p === ".." || p === "" || p.includes("\\") || p.includes(":"))) {
    throw new Error(`the shipped database holds an unsafe path: ${path}`);
  }
  return join(...parts);
}

/**
 * Unpacks the gzipped tar into `folder` as it is decompressed, a piece at a time: never the 41 MB
 * of the whole archive in memory, which stayed in a new database's peak (BENCHMARKS.md).
 */
async function unpack(folder: string, shipped: Uint8Array, directories: string[], files: string[]): Promise<void> {
  let fd: number | undefined;
  const closeFile = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  const reader = new TarReader({
    entry(entryPath, kind) {
      closeFile();
      const path = join(folder, safePath(entryPath));
      if (kind === "directory") {
        mkdirSync(path, { recursive: true, mode: 0o700 });
        directories.push(path);
      } else {
        fd = openSync(path, "w", 0o600);
        files.push(path);
      }
    },
    data: (piece) => writeAll(fd!, piece),
  });
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  gunzip.end(shipped);
  try {
    for await (const chunk of gunzip) reader.push(chunk as Buffer);
    reader.finish();
  } finally {
    closeFile();
  }
}

/**
 * Copies the shipped database (a gzipped tar of a data folder) into `folder`, which holds nothing
 * but shipdesk's lock, or an earlier copy that was cut short. The marker goes first and leaves
 * last, each file synced before it does: a crash at any point leaves either a complete database
 * or a folder that says it is an unfinished copy, never one that looks whole and is not.
 */
export async function restoreShippedDatabase(folder: string, shipped: Uint8Array<ArrayBuffer>): Promise<void> {
  const marker = join(folder, RESTORE_MARKER);
  writeFile(marker, new TextEncoder().encode(`shipdesk is copying a new, empty database into this folder (${new Date().toISOString()})\n`), true);
  syncDirectory(folder);
  const directories = [folder];
  const files: string[] = [];
  await unpack(folder, shipped, directories, files);
  let next = 0;
  await Promise.all(
    Array.from({ length: SYNCERS }, async () => {
      while (next < files.length) await syncFile(files[next++]!);
    }),
  );
  for (const dir of directories.reverse()) syncDirectory(dir);
  unlinkSync(marker);
  syncDirectory(folder);
}
