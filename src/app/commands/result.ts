import { EXIT, type ExitCode } from "../exit-codes.ts";

export interface CommandResult {
  exitCode: ExitCode;
  /** The one summary line (the --auto log's last line, and `status`'s last runs). */
  line: string;
}

/** Several steps' codes as one: a bug, then settings to fix, a person's attention, "try again later". */
export function combine(codes: readonly ExitCode[]): ExitCode {
  if (codes.includes(EXIT.bug)) return EXIT.bug;
  if (codes.includes(EXIT.usage)) return EXIT.usage;
  if (codes.includes(EXIT.needsPerson)) return EXIT.needsPerson;
  if (codes.includes(EXIT.unreachable)) return EXIT.unreachable;
  return EXIT.ok;
}
