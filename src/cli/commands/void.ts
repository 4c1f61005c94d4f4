import { voidLabel } from "../../voids/index.ts";
import type { App } from "../../app/app.ts";
import { EXIT } from "../../app/exit-codes.ts";
import type { Logger } from "../../app/log.ts";
import type { CommandResult } from "../../app/commands/result.ts";

export interface VoidArgs {
  order: string;
  reason: string | undefined;
  reship: boolean;
  email: string | undefined;
}

/** `shipdesk void ORDER`: cancels the label; exit 1 when the clerk must act, 3 when Canada Post did not answer. */
export async function voidCommand(app: App, log: Logger, a: VoidArgs): Promise<CommandResult> {
  const result = await voidLabel({ db: app.db, carrier: app.carrier }, a.order, { reason: a.reason, allowReship: a.reship, email: a.email ?? app.settings.canadaPost.refundEmail });
  for (const w of result.warnings) log.warn(w, a.order);
  if (result.kind === "done") {
    log.info(result.message, a.order);
    const code = a.reship && !result.reshipped ? EXIT.needsPerson : EXIT.ok;
    return { exitCode: code, line: `void: ${result.message}` };
  }
  if (result.kind === "unreachable") {
    log.warn(result.message, a.order);
    return { exitCode: EXIT.unreachable, line: `void: ${result.message}` };
  }
  log.error(result.message, a.order);
  return { exitCode: EXIT.needsPerson, line: `void: ${result.message}` };
}
