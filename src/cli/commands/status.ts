import { formatStatus, statusReport } from "../../status/index.ts";
import type { Database } from "../../db/index.ts";
import { EXIT } from "../../app/exit-codes.ts";
import { spend, spendLine } from "../../report/index.ts";
import type { CommandResult } from "../../app/commands/result.ts";

export async function statusCommand(db: Database, where: string, print: (text: string) => void): Promise<CommandResult> {
  const report = await statusReport(db);
  print(`shipdesk status: ${where}\n\n${spendLine(await spend(db))}\n\n${formatStatus(report)}`);
  const exitCode = report.attention.length > 0 ? EXIT.needsPerson : EXIT.ok;
  return { exitCode, line: `${report.attention.length} thing(s) need a person` };
}
