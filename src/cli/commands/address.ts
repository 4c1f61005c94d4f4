import type { Database } from "../../db/index.ts";
import { addressView, describeAddress, dropCorrection, history, saveCorrection, whoAmI, type AddressChanges } from "../../ship-to/index.ts";
import { EXIT } from "../../app/exit-codes.ts";
import type { CommandResult } from "../../app/commands/result.ts";

export interface AddressArgs {
  order: string;
  fields: AddressChanges;
  show: boolean;
  drop: boolean;
  confirm: boolean;
}

/**
 * `shipdesk address ORDER`: what the label will read, and the clerk's correction of it, saved
 * beside Best Buy's address (which a seller cannot change). Exit 0 when done or shown and
 * shippable, 1 when the order still cannot ship or its address may no longer change, 2 when
 * the order is unknown or a corrected value does not pass.
 */
export async function addressCommand(db: Database, a: AddressArgs, print: (text: string) => void): Promise<CommandResult> {
  const actor = { who: whoAmI(), via: "command" as const };
  const changing = a.drop || a.confirm || Object.keys(a.fields).length > 0;
  if (changing) {
    const result = a.drop ? await dropCorrection(db, a.order, actor) : await saveCorrection(db, a.order, a.fields, actor);
    print(result.message);
    if (!result.ok) {
      const unknownOrBad = result.problems.length > 0 || result.message.startsWith("There is no order");
      return { exitCode: unknownOrBad ? EXIT.usage : EXIT.needsPerson, line: `address: ${result.message}` };
    }
  }
  const view = await addressView(db, a.order);
  if (!view) {
    print(`There is no order ${a.order} in shipdesk; run shipdesk orders sync, or check the number.`);
    return { exitCode: EXIT.usage, line: `address: no order ${a.order}` };
  }
  if (!changing || a.show) print(describeAddress(view, await history(db, a.order)).join("\n"));
  const exitCode = view.problems.length > 0 ? EXIT.needsPerson : EXIT.ok;
  return { exitCode, line: `address ${a.order}: ${view.problems.length > 0 ? "cannot ship yet" : "ready"}` };
}
