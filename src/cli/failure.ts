import { ConfigError } from "../config/index.ts";
import { DatabaseError, embeddedDamage, embeddedFolder, redactUrl, serverDamage } from "../db/index.ts";
import { UsageError } from "./args.ts";
import { EXIT, type ExitCode } from "../app/exit-codes.ts";
import { createLogger, FALLBACK_LOG_DIR, type Logger } from "../app/log.ts";

/** What the failure sentence may name: the database the run used (none: not opened yet). */
export interface FailureContext {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

/**
 * Database failures a person must mend (the next run meets the same): a schema newer than this
 * shipdesk, a damaged embedded folder, a folder this user may not write to or whose disk is full.
 */
const NEEDS_A_PERSON = new Set(["SCHEMA_TOO_NEW", "DAMAGED", "EACCES", "EPERM", "EROFS", "ENOTDIR", "ENOSPC", "EDQUOT"]);

/**
 * The one sentence the clerk reads when a command cannot go on, and the exit code the scheduler
 * sees. Anything unexpected is a bug: the sentence says where the details are, the log has them
 * (shipdesk.log in the data folder, or in the temporary folder when the data folder cannot take it).
 */
export function reportFailure(error: unknown, log: Logger | undefined, print: (line: string) => void, context: FailureContext = {}): ExitCode {
  if (error instanceof UsageError || error instanceof ConfigError) {
    print(error.message);
    return EXIT.usage;
  }
  const database =
    error instanceof DatabaseError
      ? error
      : context.databaseUrl
        ? serverDamage(error, redactUrl(context.databaseUrl))
        : context.dataDir
          ? embeddedDamage(error, embeddedFolder(context.dataDir))
          : undefined;
  if (database) {
    print(database.sentence.endsWith(".") ? database.sentence : `${database.sentence}.`);
    log?.error(database.sentence);
    return database.code !== undefined && NEEDS_A_PERSON.has(database.code) ? EXIT.usage : EXIT.unreachable;
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  const bugLog = log ?? createLogger({ dataDir: FALLBACK_LOG_DIR, echo: false });
  bugLog.error(`unexpected error: ${detail}`);
  const said = error instanceof Error ? error.message : String(error);
  const where = bugLog.file ? `send ${bugLog.file} to the maintainer` : "copy this message to the maintainer (no log file could be written)";
  print(`shipdesk stopped on an unexpected error (${said}); nothing was lost, run it again, and if it repeats ${where}.`);
  return EXIT.bug;
}
