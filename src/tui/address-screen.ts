import * as p from "@clack/prompts";
import { checkShipTo, fitAddress, labelLines, normalizePostalCode, phoneDigits, provinceCode, type ShipTo } from "../address/index.ts";
import type { App } from "../app/app.ts";
import {
  addressView,
  CORRECTION_FIELDS,
  dropCorrection,
  FIELD_LABELS,
  saveCorrection,
  typedInOneLine,
  whoAmI,
  type AddressChanges,
  type AddressView,
  type CorrectionField,
} from "../ship-to/index.ts";
import { orStop, STOP, type Stop } from "./stop.ts";
import { ask, optionWidth, say, sayNote } from "./say.ts";
import { fittedHint } from "./table.ts";

/** A field the clerk typed, refused at once when it can never pass (the whole is checked on save). */
function fieldProblem(field: CorrectionField, value: string): string | undefined {
  const v = value.trim();
  if (v === "") return field === "name" || field === "street1" || field === "city" || field === "province" || field === "postalCode" ? `${FIELD_LABELS[field]} cannot be empty.` : undefined;
  if (field === "postalCode" && !normalizePostalCode(v)) return `"${v}" is not a Canadian postal code (like K1A 0B1).`;
  if (field === "province" && !provinceCode(v)) return `"${v}" is not a Canadian province or territory (like ON, QC or Nova Scotia).`;
  if (field === "phone" && !phoneDigits(v)) return `"${v}" has fewer than 10 digits; leave it empty to print no phone.`;
  return undefined;
}

/** The label's lines as a note; what was fitted and what stops it under it. */
function showLabel(shipTo: ShipTo, orderId: string, subject: string): boolean {
  const fitted = fitAddress(shipTo);
  const problems = checkShipTo(shipTo, orderId);
  sayNote(labelLines(fitted.address), problems.length > 0 ? `${subject} would read (it cannot ship yet)` : `${subject} will read`);
  for (const change of fitted.address.changes) say.info(change);
  for (const problem of problems) say.warn(problem.message);
  return problems.length === 0;
}

function introduce(view: AddressView): void {
  showLabel(view.current, view.orderId, `The label of ${view.orderId}`);
  if (view.correction) {
    say.info(`Corrected in shipdesk by ${view.correction.by} (${view.correction.via}); Best Buy's address: ${typedInOneLine(view.bestBuy)}.`);
  }
  if (view.bestBuyChanged) say.warn("Best Buy changed its address after the correction: compare the two, then save (keeps yours) or go back to Best Buy's.");
}

/**
 * "Address" in the review screen: the lines exactly as they will print, every field editable,
 * the whole checked with the same rules before it is saved beside Best Buy's address. Returns
 * the sentence to show, or undefined when nothing was changed.
 */
export async function editAddress(app: App, orderId: string, signal: AbortSignal): Promise<string | undefined | Stop> {
  const view = await addressView(app.db, orderId);
  if (!view) return `There is no order ${orderId} in shipdesk.`;
  introduce(view);
  if (view.locked) return view.locked;
  const draft: ShipTo = { ...view.current };
  const changes: AddressChanges = {};
  const actor = { who: whoAmI(), via: "review screen" as const };
  // After a field is typed, the cursor waits on "Save" (the next thing to do), not back on "Name".
  let next: string | undefined;
  for (;;) {
    const dirty = Object.keys(changes).length > 0;
    const options = [
      ...CORRECTION_FIELDS.map((f) => ({ value: f as string, label: FIELD_LABELS[f], hint: draft[f]?.trim() || "(empty)" })),
      ...(dirty || view.bestBuyChanged ? [{ value: "save", label: "Save the corrected address", hint: "checked first; Best Buy's is kept" }] : []),
      ...(view.correction ? [{ value: "drop", label: "Go back to Best Buy's address", hint: typedInOneLine(view.bestBuy) }] : []),
      { value: "back", label: dirty ? "Back, without saving" : "Back" },
    ];
    const width = optionWidth();
    const fitted = options.map((o) => ({ ...o, hint: fittedHint(o.label, "hint" in o ? o.hint : undefined, width) }));
    const pick = orStop(await p.select({ message: ask(`Change which part of the address of ${orderId}?`), options: fitted, initialValue: next, maxItems: 12, signal }));
    if (pick === STOP) return STOP;
    if (pick === "back") return undefined;
    if (pick === "drop") {
      const dropped = await dropCorrection(app.db, orderId, actor);
      return dropped.message;
    }
    if (pick === "save") {
      const saved = await saveCorrection(app.db, orderId, changes, actor);
      if (saved.ok) return saved.message;
      say.error(saved.message);
      continue;
    }
    const field = pick as CorrectionField;
    const typed = orStop(
      await p.text({
        message: ask(`${FIELD_LABELS[field]} for ${orderId}`),
        initialValue: draft[field] ?? "",
        validate: (value) => fieldProblem(field, value ?? ""),
        signal,
      }),
    );
    if (typed === STOP) return STOP;
    const value = (typed ?? "").trim();
    changes[field] = value;
    draft[field] = value === "" ? null : value;
    showLabel(draft, orderId, "With this change, the label");
    next = "save";
  }
}
