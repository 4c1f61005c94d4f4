/**
 * What the exit code tells Task Scheduler (its "Last Run Result") and the clerk.
 * Documented in the README; tests pin each one.
 */
export const EXIT = {
  /** Everything done. */
  ok: 0,
  /** Done, but something needs a person: a refused label, an order with a problem, a flag. */
  needsPerson: 1,
  /** Bad usage or bad settings: fix the command line or shipdesk.toml. */
  usage: 2,
  /** Canada Post, Best Buy or the database could not be reached: try again later. */
  unreachable: 3,
  /** A bug in shipdesk: the log has the details for the maintainer. */
  bug: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
