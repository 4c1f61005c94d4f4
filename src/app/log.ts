import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLine } from "./console-text.ts";
import { localIso } from "../common/local-time.ts";

export type Level = "INFO" | "WARN" | "ERROR";

export interface Logger {
  info(message: string, orderId?: string): void;
  warn(message: string, orderId?: string): void;
  error(message: string, orderId?: string): void;
  /** Where the log file is, for the clerk's screen and the README. */
  readonly file: string | undefined;
}

const ROTATE_AT_BYTES = 5 * 1024 * 1024;
const KEEP = 3;

/** shipdesk.log → shipdesk.log.1 → … → shipdesk.log.3, then the oldest goes. */
function rotate(file: string): void {
  try {
    if (!existsSync(file) || statSync(file).size < ROTATE_AT_BYTES) return;
    rmSync(`${file}.${KEEP}`, { force: true });
    for (let i = KEEP - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    renameSync(file, `${file}.1`);
  } catch {
    // A log that cannot rotate keeps growing; that is no reason to stop shipping.
  }
}

/** Where a log goes when the data folder cannot take it: the user's temporary folder (%TEMP%). */
export const FALLBACK_LOG_DIR = tmpdir();

/** A log file in `dir`, ready to append to (rotated), or undefined when the folder cannot hold one. */
function logFileIn(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "shipdesk.log");
    rotate(file);
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Plain lines (local time with its offset, level, order, message) on stdout and appended to shipdesk.log in the data
 * folder, for Task Scheduler runs that nobody watches. When the data folder cannot take a line
 * (no permission, a full disk, a file in the way), the log moves to shipdesk.log in the user's
 * temporary folder, and `file` says so: the sentence for a bug names the file that has it.
 */
export function createLogger(options: { dataDir?: string; write?: (line: string) => void; echo?: boolean } = {}): Logger {
  const places = options.dataDir ? [options.dataDir, ...(options.dataDir === FALLBACK_LOG_DIR ? [] : [FALLBACK_LOG_DIR])] : [];
  let file: string | undefined;
  const next = () => {
    for (;;) {
      const dir = places.shift();
      if (dir === undefined) return undefined;
      const candidate = logFileIn(dir);
      if (candidate) return candidate;
    }
  };
  file = next();
  const write = options.write ?? ((line: string) => writeLine(process.stdout, line));
  const log = (level: Level, message: string, orderId?: string) => {
    // The PC's local time, with its offset: the clerk reads the clock on the wall, and the line
    // is still exact wherever the file is read.
    const line = `${localIso(new Date())} ${level.padEnd(5)} ${orderId ?? "-"} ${message}`;
    if (options.echo !== false) write(line);
    while (file) {
      try {
        appendFileSync(file, `${line}\n`);
        return;
      } catch {
        // The screen still has it; the next place gets this line and the rest.
        file = next();
      }
    }
  };
  return {
    info: (m, o) => log("INFO", m, o),
    warn: (m, o) => log("WARN", m, o),
    error: (m, o) => log("ERROR", m, o),
    get file() {
      return file;
    },
  };
}
