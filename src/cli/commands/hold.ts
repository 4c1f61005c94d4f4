import type { Database } from "../../db/index.ts";
import { holdOrder, releaseOrder } from "../../orders/index.ts";
import { whoAmI } from "../../ship-to/index.ts";
import { EXIT } from "../../app/exit-codes.ts";
import type { CommandResult } from "../../app/commands/result.ts";

/**
 * `shipdesk hold ORDER [--release]`: keeps an order back from every run until released (the
 * desk's "leave one out" lasts for one batch only). Exit 0 when done (or already so); 2 for an
 * unknown order; 1 when its label is already bought, with what to do instead.
 */
export async function holdCommand(db: Database, a: { order: string; release: boolean }, print: (text: string) => void): Promise<CommandResult> {
  const result = a.release ? await releaseOrder(db, a.order) : await holdOrder(db, a.order, whoAmI());
  print(result.message);
  const exitCode = result.ok ? EXIT.ok : result.unknown ? EXIT.usage : EXIT.needsPerson;
  return { exitCode, line: `hold ${a.order}: ${result.message}` };
}
