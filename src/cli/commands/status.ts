import { formatStatus, statusReport } from "../../status/index.ts";
import type { Database } from "../../db/index.ts";
import type { Settings } from "../../config/index.ts";
import { EXIT } from "../../app/exit-codes.ts";
import { spend, spendLine } from "../../report/index.ts";
import type { CommandResult } from "../../app/commands/result.ts";

/** What status says of the services it would call: SANDBOX in sandbox mode, as every screen does. */
function modeLine(settings: Pick<Settings, "mode">): string {
  return settings.mode === "sandbox" ? "SANDBOX: test servers; nothing here was bought, nothing reached Best Buy." : "LIVE: real Canada Post labels, billed to your account.";
}

export async function statusCommand(db: Database, settings: Pick<Settings, "mode">, print: (text: string) => void): Promise<CommandResult> {
  const report = await statusReport(db);
  print(`shipdesk status: ${db.description}\n${modeLine(settings)}\n\n${spendLine(await spend(db))}\n\n${formatStatus(report)}`);
  const exitCode = report.attention.length > 0 ? EXIT.needsPerson : EXIT.ok;
  return { exitCode, line: `${report.attention.length} thing(s) need a person` };
}
