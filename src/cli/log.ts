import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeLine } from "./console-text.ts";

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

/**
 * Plain lines (time, level, order, message) on stdout and appended to shipdesk.log in the data
 * folder, for Task Scheduler runs that nobody watches.
 */
export function createLogger(options: { dataDir?: string; write?: (line: string) => void; echo?: boolean } = {}): Logger {
  let file: string | undefined;
  if (options.dataDir) {
    try {
      mkdirSync(options.dataDir, { recursive: true });
      file = join(options.dataDir, "shipdesk.log");
      rotate(file);
    } catch {
      file = undefined;
    }
  }
  const write = options.write ?? ((line: string) => writeLine(process.stdout, line));
  const log = (level: Level, message: string, orderId?: string) => {
    const line = `${new Date().toISOString()} ${level.padEnd(5)} ${orderId ?? "-"} ${message}`;
    if (options.echo !== false) write(line);
    if (file) {
      try {
        appendFileSync(file, `${line}\n`);
      } catch {
        // The screen still has it.
      }
    }
  };
  return {
    info: (m, o) => log("INFO", m, o),
    warn: (m, o) => log("WARN", m, o),
    error: (m, o) => log("ERROR", m, o),
    file,
  };
}
