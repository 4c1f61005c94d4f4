import type { PostOffice, Refusal } from "./post-office.ts";

const PROVINCES = new Set(["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]);

/** A Create Shipment in neutral words, for the checks Canada Post makes after the schema's. */
export interface ShipmentToCheck {
  serviceCode: string;
  /** Upper case. */
  country: string;
  addressLine1: string | undefined;
  city: string | undefined;
  province: string | undefined;
  postalCode: string | undefined;
  name: string | undefined;
  company: string | undefined;
  hasCustoms: boolean;
  /** ZPL asked for a label that is not 4x6. */
  zplOnLetter?: boolean;
  hasShippingPoint: boolean;
  contractId: string | undefined;
  methodOfPayment: string | undefined;
}

/**
 * The checks each API's gateway was written to make beyond the common ones. The portal's
 * looser schema lets through what the XSD stops (a missing shipping point, a destination with
 * neither name nor company), so it checks them; the XML gateway also asks for non-delivery
 * handling on a foreign parcel without customs.
 */
export interface RuleSet {
  shippingPoint: boolean;
  nameOrCompany: boolean;
  nonDeliveryHandling: boolean;
}

/** Canada Post's checks after the schema: the ones a domestic seller can run into, in its order. */
export function businessRules(s: ShipmentToCheck, office: PostOffice, rules: RuleSet): Refusal[] {
  const out: Refusal[] = [];
  const no = (code: string, text: string) => out.push({ status: 400, code, text });
  if (!office.services.offers(s.serviceCode)) no("3000", `Service ${s.serviceCode} is not available for this contract.`);
  if (s.zplOnLetter) no("9191", "ZPL labels are only available in the 4x6 output format.");
  if (rules.shippingPoint && !s.hasShippingPoint) no("9189", "One of requestedShippingPoint and shippingPointId is required.");
  if (s.country === "CA" || s.country === "US") {
    if (!s.addressLine1) no("1156", "Address line 1 is mandatory.");
    if (!s.city) no("1157", "City is mandatory.");
    if (!s.province) no("1159", "Province/State is mandatory.");
  }
  if (s.country === "CA") {
    if (rules.nameOrCompany && !s.name && !s.company) no("1152", "A name or a company is required for the destination.");
    if (s.province && !PROVINCES.has(s.province)) no("1159", `Province "${s.province}" is not valid.`);
    if (!/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(s.postalCode ?? "")) no("1153", "The destination postal code is invalid.");
    if (s.serviceCode.startsWith("USA.") || s.serviceCode.startsWith("INT.")) no("3000", `Service ${s.serviceCode} is not available for a Canadian destination.`);
  } else if (!s.hasCustoms) {
    if (rules.nonDeliveryHandling) no("8716", "This product requires a valid value for Non-Delivery Handling.");
    no("1151", "At least one line of Customs Description must be supplied.");
  }
  if (s.contractId === undefined && s.methodOfPayment === "Account") no("2506", "A contract number is required for this method of payment.");
  else if (s.contractId !== undefined && !office.isContract(s.contractId)) no("2550", `Contract number ${s.contractId} is invalid.`);
  return out;
}
