import { syncOrders } from "../../orders/index.ts";
import type { App } from "../app.ts";
import { logSyncEvent, syncLine } from "../describe.ts";
import { EXIT } from "../exit-codes.ts";
import type { Logger } from "../log.ts";
import type { CommandResult } from "./result.ts";

export async function syncCommand(app: App, log: Logger, acceptWaiting: boolean | undefined): Promise<CommandResult> {
  const summary = await syncOrders({
    db: app.db,
    marketplace: app.marketplace,
    settings: app.settings,
    acceptWaiting,
    onEvent: (e) => logSyncEvent(log, e),
  });
  const line = syncLine(summary);
  const exitCode = summary.failure
    ? summary.failure.status === 401
      ? EXIT.usage // the API key is wrong: the settings need fixing, waiting will not help
      : EXIT.unreachable
    : summary.problems.length > 0 || summary.flagged > 0
      ? EXIT.needsPerson
      : EXIT.ok;
  return { exitCode, line };
}
