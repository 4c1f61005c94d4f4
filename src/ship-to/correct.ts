import { ADDRESS_CODES, checkShipTo, type Problem } from "../address/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import { addressOfOrder, endCorrection, insertCorrection, lockOrder, setProblems, type AddressRow, type CorrectedVia } from "./store.ts";
import { CORRECTION_FIELDS, fieldsOf, labelInOneLine, lockedReason, tidy, viewOf, type AddressView, type CorrectionField } from "./view.ts";

export interface Actor {
  /** user@computer */
  who: string;
  via: CorrectedVia;
}

export type CorrectionResult =
  | { ok: true; changed: boolean; message: string; view: AddressView }
  | { ok: false; message: string; problems: Problem[] };

/** The fields to change; "" empties one (a company, the second line, the phone). */
export type AddressChanges = Partial<Record<CorrectionField, string>>;

const problemsOf = (value: Problem[] | string): Problem[] => (typeof value === "string" ? (JSON.parse(value) as Problem[]) : value);

/** The order's own problems (malformed, no lines, weight) stay; the address ones are redone. */
const withAddressProblems = (stored: Problem[] | string, address: readonly Problem[]) => [
  ...problemsOf(stored).filter((p) => !ADDRESS_CODES.has(p.code)),
  ...address,
];

/**
 * Saves the clerk's correction of an order's address, beside Best Buy's (never over it): the
 * fields given replace those of the address the label would use now. Checked with the same
 * rules as every order before it is saved; refused while a label exists or may.
 * With no field given, the correction in force is kept as it is against Best Buy's address as
 * it is now (after Best Buy changed it: the clerk looked and keeps theirs).
 */
export async function saveCorrection(db: Database, orderId: string, changes: AddressChanges, actor: Actor): Promise<CorrectionResult> {
  return db.transaction(async (tx) => {
    const gate = await gateOf(tx, orderId);
    if (!gate.ok) return gate;
    const before = viewOf(gate.row);
    const given = Object.fromEntries(CORRECTION_FIELDS.filter((f) => changes[f] !== undefined).map((f) => [f, changes[f]!]));
    if (Object.keys(given).length === 0 && !before.correction) {
      return { ok: false, message: `Order ${orderId} has no corrected address to keep; give the fields to correct, such as --line1 "…".`, problems: [] };
    }
    const fields = tidy({ ...fieldsOf(before.current), ...given }, before.current.country);
    const candidate = { ...before.current, ...fields };
    const problems = checkShipTo(candidate, orderId);
    if (problems.length > 0) {
      return { ok: false, message: `The address of order ${orderId} was not saved: ${problems.map((p) => p.message).join(" ")}`, problems };
    }
    const unchanged = CORRECTION_FIELDS.every((f) => (fields[f] ?? null) === (before.current[f] ?? null));
    if (before.correction && unchanged && !before.bestBuyChanged) {
      return { ok: true, changed: false, message: `The corrected address of order ${orderId} already reads so; nothing changed.`, view: before };
    }
    if (before.correction) await endCorrection(tx, orderId, actor.who, "replaced");
    await insertCorrection(tx, orderId, fields, actor.who, actor.via);
    await setProblems(tx, orderId, withAddressProblems(gate.row.problems, []));
    const view = viewOf((await addressOfOrder(tx, orderId))!);
    return {
      ok: true,
      changed: true,
      message: `Saved the corrected address of order ${orderId}; the label will read: ${labelInOneLine(view.label)}. Best Buy's address is kept beside it (shipdesk address ${orderId} --drop goes back to it).`,
      view,
    };
  });
}

/** Ends the correction in force: the label uses Best Buy's address again. */
export async function dropCorrection(db: Database, orderId: string, actor: Actor): Promise<CorrectionResult> {
  return db.transaction(async (tx) => {
    const gate = await gateOf(tx, orderId);
    if (!gate.ok) return gate;
    if (gate.row.correction_id === null) {
      return { ok: false, message: `Order ${orderId} has no corrected address; its label already uses Best Buy's.`, problems: [] };
    }
    await endCorrection(tx, orderId, actor.who, "dropped");
    const view = viewOf((await addressOfOrder(tx, orderId))!);
    await setProblems(tx, orderId, withAddressProblems(gate.row.problems, view.problems));
    const after =
      view.problems.length === 0
        ? `the label will read: ${labelInOneLine(view.label)}.`
        : `it cannot ship as it is: ${view.problems.map((p) => p.message).join(" ")}`;
    return { ok: true, changed: true, message: `Dropped the correction of order ${orderId}; the label uses Best Buy's address again, and ${after}`, view };
  });
}

/**
 * The order locked against a label being claimed meanwhile, and read after the lock (so a
 * claim that got there first is seen), or why its address may not change.
 */
async function gateOf(tx: Queryable, orderId: string): Promise<{ ok: true; row: AddressRow } | { ok: false; message: string; problems: Problem[] }> {
  const row = (await lockOrder(tx, orderId)) ? await addressOfOrder(tx, orderId) : undefined;
  if (!row) return { ok: false, message: `There is no order ${orderId} in shipdesk; run shipdesk orders sync, or check the number.`, problems: [] };
  const locked = lockedReason(orderId, row.status, row.shipment_status);
  if (locked) return { ok: false, message: locked, problems: [] };
  return { ok: true, row };
}
