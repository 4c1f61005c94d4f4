import type { Database } from "../../db/index.ts";
import { setOrderService } from "../../orders/index.ts";
import { EXIT } from "../../app/exit-codes.ts";
import type { CommandResult } from "../../app/commands/result.ts";

/**
 * `shipdesk service ORDER CODE`: the clerk's Canada Post service for one order (--drop: the
 * settings' choice again). Exit 0 when saved; 2 for an unknown order or code; 1 when the order's
 * label is past choosing (bought, or being bought), with what to do instead.
 */
export async function serviceCommand(db: Database, a: { order: string; service: string | null }, print: (text: string) => void): Promise<CommandResult> {
  const result = await setOrderService(db, a.order, a.service);
  print(result.message);
  const exitCode = result.ok ? EXIT.ok : result.unknown ? EXIT.usage : EXIT.needsPerson;
  return { exitCode, line: `service ${a.order}: ${result.message}` };
}
