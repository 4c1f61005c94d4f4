import { ConfigError } from "../config/index.ts";
import { DatabaseError } from "../db/index.ts";
import { UsageError } from "./args.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import type { Logger } from "./log.ts";

/**
 * The one sentence the clerk reads when a command cannot go on, and the exit code the scheduler
 * sees. Anything unexpected is a bug: the sentence says where the details are, the log has them.
 */
export function reportFailure(error: unknown, log: Logger | undefined, print: (line: string) => void): ExitCode {
  if (error instanceof UsageError || error instanceof ConfigError) {
    print(error.message);
    return EXIT.usage;
  }
  if (error instanceof DatabaseError) {
    print(error.sentence.endsWith(".") ? error.sentence : `${error.sentence}.`);
    log?.error(error.sentence);
    // A schema too new or a damaged data folder waits for a person; the rest for the next run.
    return error.code === "SCHEMA_TOO_NEW" || error.code === "DAMAGED" ? EXIT.usage : EXIT.unreachable;
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  log?.error(`unexpected error: ${detail}`);
  print(
    `shipdesk stopped on an unexpected error (${error instanceof Error ? error.message : String(error)}); nothing was lost, run it again, and if it repeats send ${log?.file ?? "the log"} to the maintainer.`,
  );
  return EXIT.bug;
}
