import { endOfDayDue, endOfDayNeedsPerson, runEndOfDay, type EndOfDayEvent, type EndOfDaySummary } from "../../manifest/index.ts";
import type { App } from "../../app/app.ts";
import { EXIT } from "../../app/exit-codes.ts";
import type { Logger } from "../../app/log.ts";
import type { CommandResult } from "../../app/commands/result.ts";

export function logEndOfDayEvent(log: Logger, e: EndOfDayEvent): void {
  switch (e.type) {
    case "busy":
      return log.info("another shipdesk is doing the end of day right now; left to it");
    case "nothing":
      return log.info(e.message);
    case "blocked":
      return log.warn(e.message);
    case "transmitting":
      return log.info(`transmitting ${e.labels} label(s) of group(s) ${e.groupIds.join(", ")} to Canada Post`);
    case "transmitted":
      return log.info(`group(s) ${e.groupIds.join(", ")} transmitted: ${e.manifests} manifest(s)`);
    case "refused":
      return e.needsPerson ? log.error(e.message) : log.warn(e.message);
    case "settled":
      return log.info(e.message);
    case "voided":
      return log.error(e.message, e.orderId);
    case "manifest-saved":
      return log.info(`manifest ${e.poNumber} saved: ${e.path} (print it for the pickup)`);
    case "failed":
      return log.error(e.message);
    case "unreachable":
      return log.warn(e.message);
  }
}

export function endOfDayLine(s: EndOfDaySummary): string {
  if (s.busy) return "end of day: another shipdesk is doing it";
  if (s.nothing) return `end of day: ${s.nothing}`;
  const parts = [`${s.transmitted.length} group(s) transmitted`, `${s.saved.length} manifest(s) saved`];
  if (s.blocked.length) parts.push(`${s.blocked.length} group(s) waiting for a label in doubt`);
  if (s.voided.length) parts.push(`${s.voided.length} label(s) found cancelled at Canada Post`);
  if (s.failed.length) parts.push(`${s.failed.length} problem(s) for a person`);
  if (s.unreachable.length) parts.push("Canada Post did not answer, the next run finishes");
  return `end of day: ${parts.join(", ")}`;
}

export function endOfDayExitCode(s: EndOfDaySummary) {
  if (endOfDayNeedsPerson(s)) return EXIT.needsPerson;
  if (s.unreachable.length > 0) return EXIT.unreachable;
  return EXIT.ok;
}

export async function manifestCommand(app: App, log: Logger): Promise<CommandResult> {
  const summary = await runEndOfDay({ db: app.db, carrier: app.carrier, settings: app.settings, onEvent: (e) => logEndOfDayEvent(log, e) });
  return { exitCode: endOfDayExitCode(summary), line: endOfDayLine(summary) };
}

/** For --auto: the end of day once run.manifest_at has passed and today's is not done. */
export async function manifestIfDue(app: App, log: Logger, now = new Date()): Promise<CommandResult | undefined> {
  if (!(await endOfDayDue({ db: app.db }, app.settings.run.manifestAt, now))) return undefined;
  return manifestCommand(app, log);
}
