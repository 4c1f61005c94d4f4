import { countryAlpha2 } from "./country.ts";
import { fitAddress, type Fitted } from "./fit.ts";
import { correctIn } from "./fix.ts";
import { normalizePostalCode } from "./postal-code.ts";
import { PROVINCE_NAMES, provinceCode, provincesOfPostalCode } from "./province.ts";
import { phoneDigits, present } from "./text.ts";
import type { Problem, ShipTo } from "./types.ts";

/** Destinations this shop ships to with its Canada Post contract (domestic services). */
export const SHIPPABLE_COUNTRIES = new Set(["CA"]);

/** The problem codes the address check owns (each fixed by a correction in shipdesk). */
export const ADDRESS_CODES: ReadonlySet<string> = new Set([
  "missing_name", "missing_street", "street_too_long", "unit_too_long", "missing_city", "city_too_long", "bad_country",
  "foreign_destination", "missing_postal_code", "bad_postal_code", "missing_province", "bad_province",
  "province_postal_mismatch", "bad_phone", "bestbuy_address_changed",
]);

/**
 * Everything Canada Post will need from the address, checked at once so the clerk fixes an
 * order in one go rather than one refusal at a time. Long fields are fitted to the label first
 * (fitAddress); only what cannot be fitted is a problem. `orderId` goes into each fix.
 */
export function checkShipTo(shipTo: ShipTo, orderId?: string): Problem[] {
  return checkFitted(shipTo, fitAddress(shipTo), orderId);
}

/** The same check, for a caller that already fitted the address (to show it). */
export function checkFitted(shipTo: ShipTo, fitted: Fitted, orderId?: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  const fix = (field: string) => correctIn(orderId, field);
  const country = countryAlpha2(shipTo.country ?? "");
  if (!present(shipTo.name) && !present(shipTo.company)) {
    add("name", "missing_name", `The order has no recipient name or company; add one in shipdesk: ${fix("name")}.`);
  }
  const fitProblem = (code: string) => fitted.problems.find((p) => p.code === code);
  const noStreet = fitProblem("missing_street");
  if (noStreet) {
    const onlyUnit = present(shipTo.street1) || present(shipTo.street2);
    add(
      "street1",
      "missing_street",
      onlyUnit
        ? `${noStreet.detail}; ask the customer for the civic number and street and add them in shipdesk: ${fix("street1")}.`
        : `The shipping address has no street; ask the customer for it and add it in shipdesk: ${fix("street1")}.`,
    );
  }
  const long = fitProblem("street_too_long");
  if (long) add("street1", "street_too_long", `${long.detail}; write it shorter in shipdesk: ${fix("street1")}.`);
  const unit = fitProblem("unit_too_long");
  if (unit) add("street2", "unit_too_long", `${unit.detail}; write it shorter in shipdesk: ${fix("street2")}.`);
  if (!present(shipTo.city)) {
    add("city", "missing_city", `The shipping address has no city; add it in shipdesk: ${fix("city")}.`);
  } else {
    const city = fitProblem("city_too_long");
    if (city) add("city", "city_too_long", `${city.detail}; use its official short name in shipdesk: ${fix("city")}.`);
  }
  if (!country) {
    add("country", "bad_country", `The country "${shipTo.country ?? ""}" is not one shipdesk knows, and shipdesk buys labels for Canada only; ship this order by hand.`);
  } else if (!SHIPPABLE_COUNTRIES.has(country)) {
    add("country", "foreign_destination", `The order ships to ${country}, outside Canada; shipdesk buys domestic labels only, so ship it by hand.`);
  }
  const effective = country ?? "CA";
  const postal = present(shipTo.postalCode) ? normalizePostalCode(shipTo.postalCode, effective) : undefined;
  if (!present(shipTo.postalCode)) {
    add("postalCode", "missing_postal_code", `The shipping address has no postal code; ask the customer for it and add it in shipdesk: ${fix("postalCode")}.`);
  } else if (!postal) {
    const like = effective === "CA" ? "Canadian postal code (like K1A 0B1)" : "postal code";
    add("postalCode", "bad_postal_code", `The postal code "${shipTo.postalCode}" is not a valid ${like}; correct it in shipdesk: ${fix("postalCode")}.`);
  }
  const province = present(shipTo.province) ? provinceCode(shipTo.province, effective) : undefined;
  if (!present(shipTo.province)) {
    add("province", "missing_province", `The shipping address has no province; add it in shipdesk: ${fix("province")}.`);
  } else if (!province) {
    add("province", "bad_province", `The province "${shipTo.province}" is not a Canadian province or territory; correct it in shipdesk: ${fix("province")}.`);
  }
  if (effective === "CA" && province && postal) {
    const expected = provincesOfPostalCode(postal);
    if (expected.length > 0 && !expected.includes(province)) {
      const where = expected.map((code) => PROVINCE_NAMES[code]).join(" or ");
      add(
        "province",
        "province_postal_mismatch",
        `The province "${shipTo.province}" does not match the postal code "${shipTo.postalCode}", which is in ${where}; check the customer's address and correct the wrong one in shipdesk: ${fix("province")} or ${fix("postalCode").replace(/^shipdesk address \S+ /, "")}.`,
      );
    }
  }
  if (present(shipTo.phone) && !phoneDigits(shipTo.phone)) {
    add("phone", "bad_phone", `The phone number "${shipTo.phone}" has fewer than 10 digits; correct it in shipdesk (${fix("phone")}), or leave it out with --phone "".`);
  }
  return problems;
}
