import { ADDRESS_CODES } from "../address/index.ts";

// Canada Post's business codes whose cause is known (the reference's code table): the address,
// the contract number, the service. Anything else gets the fix that names all three.
const ADDRESS = new Set(["1153", "1156", "1157", "1159", "2695"]);
const CONTRACT = new Set(["2506", "2550"]);
const SERVICE = new Set(["3000"]);

const retry = (ids: readonly string[]) => ids.map((id) => `--retry ${id}`).join(" ");

export type RefusalCause = "service" | "contract" | "address" | "unknown";

/** What Canada Post's message codes (comma-separated, as the status query gives them) point at. */
export function refusalCause(codes: string | null): RefusalCause {
  const set = [...new Set((codes ?? "").split(",").filter(Boolean))];
  if (set.some((c) => SERVICE.has(c))) return "service";
  if (set.some((c) => CONTRACT.has(c))) return "contract";
  if (set.some((c) => ADDRESS.has(c) || ADDRESS_CODES.has(c))) return "address";
  return "unknown";
}

/**
 * The one fix for labels Canada Post refused, from its message codes (comma-separated, as the
 * status query gives them). Every fix ends in the same step: buy again with --retry, which
 * builds the request afresh from the settings, the service and the address as they are then,
 * and asks for a new quote; a plain run never buys a refused label again on its own.
 */
export function refusalFix(ids: readonly string[], codes: string | null): string {
  const cause = refusalCause(codes);
  const again = `then buy ${ids.length === 1 ? "it" : "them"} again: shipdesk ship ${retry(ids)} (or Buy again on the print page's Needs attention, or in the desk); the request is built afresh and quoted again.`;
  const one = ids.length === 1 ? ids[0]! : "ORDER";
  if (cause === "service") {
    return `Choose a service Canada Post offers you: canadapost.service (and services, fallback_service) in shipdesk.toml, or for one order shipdesk service ${one} DOM.EP; ${again}`;
  }
  if (cause === "contract") {
    return `Set canadapost.contract_id in shipdesk.toml to your Canada Post contract number (with customer_number and method_of_payment as Canada Post gave them); ${again}`;
  }
  if (cause === "address") {
    return `Correct the address in shipdesk (shipdesk address ${one} --show, then --line1 "…" --city "…"; or the form on the print page's Needs attention); ${again}`;
  }
  return `Fix what Canada Post said: the address (shipdesk address ${one} …, or the form on the print page's Needs attention), the service (shipdesk service ${one} CODE) or a setting in shipdesk.toml; ${again}`;
}
