import { EXIT } from "./exit-codes.ts";
import type { Logger } from "./log.ts";

// Ctrl-C is SIGINT on both systems; Ctrl-Break is SIGBREAK and closing the console window is
// SIGHUP on Windows (Bun gives the handler a few seconds before Windows ends the process).
const SIGNALS: NodeJS.Signals[] =
  process.platform === "win32" ? ["SIGINT", "SIGBREAK", "SIGHUP", "SIGTERM"] : ["SIGINT", "SIGHUP", "SIGTERM"];

/** Long enough for PGlite to finish the statement in hand and write its files. */
const CLOSE_TIMEOUT_MS = 10_000;

let stopping: Promise<never> | undefined;

/**
 * Set once a signal arrived: the work it cut short fails on the closed database, and that
 * failure is no bug to report; the caller awaits this instead (the process ends from here).
 */
export function interrupted(): Promise<never> | undefined {
  return stopping;
}

/**
 * Stops the program now: says `sentence`, closes the database (releasing the embedded folder's
 * lock), and ends with exit 3. Work in progress is not awaited; the next run finishes it
 * without buying anything twice. Also the desk's second Ctrl-C.
 */
export function stopNow(close: () => Promise<void>, sentence: string, log: Logger | undefined): Promise<never> {
  if (stopping) return stopping;
  if (log) log.warn(sentence);
  else process.stderr.write(`${sentence}\n`);
  const timeout = new Promise<void>((done) => setTimeout(done, CLOSE_TIMEOUT_MS));
  stopping = Promise.race([close().catch(() => {}), timeout]).then(() => process.exit(EXIT.unreachable));
  return stopping;
}

/**
 * While `close` is registered, Ctrl-C closes the database (and so releases the embedded
 * folder's lock) before the process ends, instead of dying with the lock file left behind.
 * The work in progress is not awaited: every step is on record, and the next run finishes what
 * this one started without buying anything twice. Returns the function that unregisters it.
 */
export function closeOnInterrupt(close: () => Promise<void>, log: Logger | undefined): () => void {
  const handler = (signal: NodeJS.Signals) => {
    void stopNow(close, `${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping; the next run picks up where this one stopped.`, log);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.removeListener(signal, handler);
  };
}
