import { labelEncodingOf, sha256 } from "../pdf.ts";
import { readFileSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Kept as the cause of a label the labels folder would not take (with the system's error code),
 * so that `status` says the folder's problem once for every label it stopped.
 */
export const LABELS_FOLDER_CAUSE = "labels_folder";

export type WriteResult = { ok: true; path: string; sha256: string; bytes: number } | { ok: false; code: string; problem: string };


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
 * Asynchronous, so that waiting for the disk never holds up the other labels being bought.
 */
export async function writeLabelFile(dir: string, fileName: string, bytes: Uint8Array): Promise<WriteResult> {
  const path = join(dir, fileName);
  const temp = join(dir, `.${fileName}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const file = await open(temp, "w");
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
    await syncFolder(dir);
    return { ok: true, path, sha256: sha256(bytes), bytes: bytes.byteLength };
  } catch (error) {
    try {
      await rm(temp, { force: true });
    } catch {
      // the folder itself is the problem; there is no temp file to remove
    }
    const code = (error as { code?: string }).code;
    return { ok: false, code: code ?? "UNKNOWN", problem: writeProblem(dir, code) };
  }
}

/** Makes the rename itself survive a power cut (POSIX); Windows cannot open a folder for it. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  try {
    const folder = await open(dir, "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Some file systems refuse to sync a folder; the file itself is already on disk.
  }
}

/**
 * A label file is good when it is there, is what its name says (a PDF, or ZPL for a `.zpl`) and
 * has the checksum recorded when saved.
 */
export function labelFileIsGood(path: string | null, expectedSha256: string | null): boolean {
  if (!path) return false;
  try {
    const bytes = readFileSync(path);
    if (labelEncodingOf(bytes) !== (path.toLowerCase().endsWith(".zpl") ? "zpl" : "pdf")) return false;
    return expectedSha256 ? sha256(bytes) === expectedSha256 : true;
  } catch {
    return false;
  }
}
