import { countryAlpha2 } from "./country.ts";
import { normalizePostalCode } from "./postal-code.ts";
import { provinceCode } from "./province.ts";
import { phoneDigits, present } from "./text.ts";

/** Where an order goes, as stored on the order (after extraction from Best Buy's JSON). */
export interface ShipTo {
  name: string | null;
  company: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
}

/** Something that stops an order from shipping, in the clerk's words. */
export interface Problem {
  field: string;
  code: string;
  message: string;
}

/** Destinations this shop ships to with its Canada Post contract (domestic services). */
export const SHIPPABLE_COUNTRIES = new Set(["CA"]);

/**
 * Everything Canada Post will need from the address, checked at once so the clerk fixes an
 * order in one go rather than one refusal at a time. Long fields are not problems: they are
 * shortened when the request is built.
 */
export function checkShipTo(shipTo: ShipTo): Problem[] {
  const problems: Problem[] = [];
  const country = countryAlpha2(shipTo.country ?? "");
  if (!present(shipTo.name) && !present(shipTo.company)) {
    problems.push({ field: "name", code: "missing_name", message: "The order has no recipient name or company; add one at Best Buy or in the order." });
  }
  if (!present(shipTo.street1) && !present(shipTo.street2)) {
    problems.push({ field: "street1", code: "missing_street", message: "The shipping address has no street; ask the customer for it and correct the order." });
  }
  if (!present(shipTo.city)) {
    problems.push({ field: "city", code: "missing_city", message: "The shipping address has no city; correct the order." });
  }
  if (!country) {
    problems.push({ field: "country", code: "bad_country", message: `The country "${shipTo.country ?? ""}" is not one shipdesk knows; correct the order.` });
  } else if (!SHIPPABLE_COUNTRIES.has(country)) {
    problems.push({
      field: "country",
      code: "foreign_destination",
      message: `The order ships to ${country}, outside Canada; shipdesk buys domestic labels only, so ship it by hand.`,
    });
  }
  const effective = country ?? "CA";
  if (!present(shipTo.postalCode)) {
    problems.push({ field: "postalCode", code: "missing_postal_code", message: "The shipping address has no postal code; ask the customer for it and correct the order." });
  } else if (!normalizePostalCode(shipTo.postalCode, effective)) {
    problems.push({
      field: "postalCode",
      code: "bad_postal_code",
      message: `The postal code "${shipTo.postalCode}" is not a valid ${effective === "CA" ? "Canadian postal code (like K1A 0B1)" : "postal code"}; correct the order.`,
    });
  }
  if (!present(shipTo.province)) {
    problems.push({ field: "province", code: "missing_province", message: "The shipping address has no province; correct the order." });
  } else if (!provinceCode(shipTo.province, effective)) {
    problems.push({
      field: "province",
      code: "bad_province",
      message: `The province "${shipTo.province}" is not a Canadian province or territory; correct the order.`,
    });
  }
  if (present(shipTo.phone) && !phoneDigits(shipTo.phone)) {
    problems.push({
      field: "phone",
      code: "bad_phone",
      message: `The phone number "${shipTo.phone}" has fewer than 10 digits; correct it or remove it from the order.`,
    });
  }
  return problems;
}
