import { CORRECTION_FLAGS, labelLines, type ShipTo } from "../address/index.ts";
import type { HistoryRow } from "./store.ts";
import type { AddressView } from "./view.ts";

/** Best Buy's (or any stored) address in one line, as typed: "Alex Martin / Apt 4B / Montréal QC H2X1Y4". */
export function typedInOneLine(s: ShipTo): string {
  const place = [s.city, s.province, s.postalCode].filter((x) => x && x.trim() !== "").join(" ");
  return [s.name, s.company, s.street1, s.street2, place].filter((x): x is string => !!x && x.trim() !== "").join(" / ") || "(empty)";
}

const when = (d: Date | string) => new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** `shipdesk address ORDER --show`: the label's lines, where they come from, what stops them. */
export function describeAddress(view: AddressView, earlier: readonly HistoryRow[] = []): string[] {
  const out: string[] = [];
  const id = view.orderId;
  out.push(view.problems.length === 0 ? `Order ${id}: the label will read` : `Order ${id}: the label would read (it cannot ship yet, see below)`);
  for (const line of labelLines(view.label)) out.push(`    ${line}`);
  if (view.label.phone) out.push(`  Phone: ${view.label.phone}`);
  out.push(
    view.correction
      ? `  Address: corrected in shipdesk by ${view.correction.by} (${view.correction.via}), ${when(view.correction.at)}.`
      : "  Address: Best Buy's, as the customer gave it.",
  );
  if (view.correction) out.push(`  Best Buy's address${view.bestBuyChanged ? " (changed since the correction)" : ""}: ${typedInOneLine(view.bestBuy)}`);
  for (const change of view.label.changes) out.push(`  Fitted to the label: ${change}`);
  if (view.problems.length > 0) {
    out.push("  Cannot ship yet:");
    for (const p of view.problems) out.push(`    - ${p.message}`);
  }
  if (view.locked) out.push(`  ${view.locked}`);
  else {
    const flags = Object.values(CORRECTION_FLAGS).map((f) => `${f} "…"`).join(" ");
    out.push(`  To correct it: shipdesk address ${id} ${flags} (any of them; "" empties one)${view.correction ? `, or --drop to go back to Best Buy's address` : ""}.`);
  }
  const past = earlier.filter((h) => h.ended_at !== null);
  if (past.length > 0) {
    out.push(`  Earlier corrections (${past.length}, newest first):`);
    for (const h of past) {
      const lines = [h.ship_street_1, h.ship_street_2, h.ship_city].filter(Boolean).join(" / ");
      out.push(`    ${when(h.corrected_at)} by ${h.corrected_by}: ${lines}; ${h.ended_how} ${when(h.ended_at!)} by ${h.ended_by}`);
    }
  }
  return out;
}
