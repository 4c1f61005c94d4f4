import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "./errors.ts";

/**
 * Why `dir` cannot hold shipdesk's files, as the file system's error code ("ENOTDIR" for a
 * file standing where the folder should be, "EDEVICE" for a device such as /dev/null); undefined when a file could be
 * written there (flushed to disk with `flush`) and removed again. A missing folder is made.
 */
export function folderFault(dir: string, options: { flush?: boolean } = {}): string | undefined {
  try {
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) return stat.isFile() ? "ENOTDIR" : "EDEVICE";
    if (!stat) mkdirSync(dir, { recursive: true });
  } catch (error) {
    // mkdir's ENOTDIR: a file stands where one of the parent folders should be.
    return codeOf(error) === "ENOTDIR" ? "EPARENT" : codeOf(error);
  }
  const probe = join(dir, `.shipdesk-probe-${process.pid}.tmp`);
  try {
    const fd = openSync(probe, "w");
    try {
      writeSync(fd, "shipdesk checks that it can write here\n");
      if (options.flush) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rmSync(probe);
    return undefined;
  } catch (error) {
    try {
      rmSync(probe, { force: true });
    } catch {
      // the folder refused the file itself: nothing to remove
    }
    return codeOf(error);
  }
}

const codeOf = (error: unknown): string => (error as { code?: string }).code ?? "UNKNOWN";

/** What a folder's fault means to the clerk: "is a file, not a folder", "cannot be written…". */
export function folderFaultText(dir: string, code: string): string {
  switch (code) {
    case "ENOTDIR":
    case "EEXIST":
      return `${dir} is a file, not a folder`;
    case "EDEVICE":
      return `${dir} is a device, not a folder`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `${dir} cannot be written to by this user`;
    case "ENOSPC":
    case "EDQUOT":
      return `${dir} is on a disk that is full`;
    case "EPARENT":
      return `${dir} cannot be made (a file stands where one of its parent folders should be)`;
    case "ENOENT":
      return `${dir} cannot be made (its drive or parent folder is missing)`;
    default:
      return `${dir} cannot be used (${code})`;
  }
}

/**
 * The clerk's sentence for a folder that cannot be used, without its final period: what is
 * wrong and the fix. `where` names the setting that points at it ("data_dir in C:\shipdesk\shipdesk.toml").
 */
export function folderSentence(what: string, dir: string, code: string, where: string): string {
  const fix =
    code === "ENOTDIR" || code === "EEXIST" || code === "EPARENT"
      ? `move that file away, or point ${where} at a folder`
      : code === "EDEVICE"
        ? `point ${where} at a folder`
        : code === "ENOSPC" || code === "EDQUOT"
          ? `free some space on that disk, or point ${where} at a folder on another disk`
          : `give this user permission to write there, or point ${where} at a folder it may write to`;
  return `The ${what} ${folderFaultText(dir, code)}; ${fix}, and run shipdesk again`;
}

/** Which setting names a folder, as the clerk would change it: the variable if it is set, else the file's key. */
export function folderSetting(key: "data_dir" | "labels_dir", variable: string, settingsFile: string | undefined, env: Record<string, string | undefined>): string {
  return env[variable] ? `the environment variable ${variable}` : `${key} in ${settingsFile ?? "shipdesk.toml"}`;
}

/**
 * The data folder holds the embedded database, shipdesk.log and the sandboxes' state: checked
 * before the database is opened or the log written, so that a file of that name (or
 * SHIPDESK_DATA_DIR=/dev/null) is one sentence, not a crash with nowhere to log it.
 */
export function checkDataFolder(settings: { dataDir: string; file: string | undefined }, env: Record<string, string | undefined> = process.env): void {
  const code = folderFault(settings.dataDir);
  if (code === undefined) return;
  const where = folderSetting("data_dir", "SHIPDESK_DATA_DIR", settings.file, env);
  throw new ConfigError(`${folderSentence("data folder", settings.dataDir, code, where)}.`, "data_dir");
}
