import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export type WriteResult = { ok: true; path: string; sha256: string; bytes: number } | { ok: false; code: string; problem: string };

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export const isPdf = (bytes: Uint8Array): boolean =>
  bytes.byteLength > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;

/** The clerk's sentence for a label that could not be written; the label itself is safe. */
export function writeProblem(dir: string, code: string | undefined): string {
  const after = "the label is paid for and kept at Canada Post, and the next run saves it";
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return `The disk holding the labels folder ${dir} is full; free some space (${after}).`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `The labels folder ${dir} cannot be written to; give this user permission or choose another labels_dir (${after}).`;
    case "ENOTDIR":
    case "EEXIST":
      return `The labels folder ${dir} is not a folder; point labels_dir at a folder (${after}).`;
    default:
      return `The label could not be written into ${dir} (${code ?? "unknown error"}); check the folder (${after}).`;
  }
}

/**
 * Writes a label so that the final name only ever holds a whole PDF: a temporary file in the
 * same folder, flushed to disk, then renamed over the target (which may exist: a reprint).
 */
export function writeLabelFile(dir: string, fileName: string, bytes: Uint8Array): WriteResult {
  const path = join(dir, fileName);
  const temp = join(dir, `.${fileName}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, "w");
    try {
      let offset = 0;
      while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return { ok: true, path, sha256: sha256(bytes), bytes: bytes.byteLength };
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the folder itself is the problem; there is no temp file to remove
    }
    const code = (error as { code?: string }).code;
    return { ok: false, code: code ?? "UNKNOWN", problem: writeProblem(dir, code) };
  }
}

/** A label file is good when it is there, is a PDF and has the checksum recorded when saved. */
export function labelFileIsGood(path: string | null, expectedSha256: string | null): boolean {
  if (!path) return false;
  try {
    const bytes = readFileSync(path);
    if (!isPdf(bytes)) return false;
    return expectedSha256 ? sha256(bytes) === expectedSha256 : true;
  } catch {
    return false;
  }
}
