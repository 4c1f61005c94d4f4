import { fitLength, type Problem } from "../address/index.ts";
import { groupIdFor, type ShipmentRequest, type ShipmentSettings } from "./request.ts";

/** Lengths and patterns from shipment.xsd (shipment-v8); the Developer Portal's schema has the same. */
export const LIMITS = {
  name: 44,
  company: 44,
  addressLine: 44,
  city: 40,
  provState: 20,
  postalCode: 14,
  phone: 25,
  additionalInfo: 44,
  email: 60,
  reference: 35,
  requestId: 35,
  groupId: 32,
  serviceCode: 32,
} as const;

const CANADIAN_POSTAL_CODE = /^[A-Z]\d[A-Z]\d[A-Z]\d$/;
const PROVINCES = new Set(["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]);
const EMAIL = /^(['_A-Za-z0-9\-+]+)(\.['_A-Za-z0-9\-+]+)*@([A-Za-z0-9-]+)(\.[A-Za-z0-9-]+)*(\.[A-Za-z]{2,})$/;
/** Every parcel service stops at 30 kg, far below the XSD's 999.999. */
const MAX_WEIGHT_KG = 30;
const MAX_DIMENSION_CM = 999.9;

/** One address as both APIs write it: two lines, city, province, country, postal code. */
export interface AddressFields {
  lines: [string, string];
  city: string;
  province: string;
  country: string;
  postalCode: string;
}

/**
 * A Create Shipment's values, cleaned and checked once for both APIs (the XML document and
 * the portal's JSON carry the same fields under different names). "" means "leave it out".
 */
export interface ShipmentFields {
  requestId: string;
  /** manifest = "transmit": no group, transmitted (and billed) at once. */
  transmit: boolean;
  groupId: string;
  /** The sender's postal code: where the parcels are picked up, used for pricing. */
  shippingPoint: string;
  serviceCode: string;
  sender: { name: string; company: string; phone: string; address: AddressFields };
  destination: { name: string; company: string; phone: string; address: AddressFields; additionalInfo: string };
  weightKg: number;
  dimensionsCm: { length: number; width: number; height: number } | undefined;
  /** The customer's e-mail for Canada Post's notices, when valid; "" otherwise. */
  email: string;
  labelFormat: "4x6" | "8.5x11";
  /** print-preferences' encoding: ZPL for a thermal printer (4x6 only, Canada Post's 9191), else PDF. */
  encoding: "PDF" | "ZPL";
  orderId: string;
  reference2: string;
  contractId: string;
  methodOfPayment: ShipmentSettings["methodOfPayment"];
}

export type CheckedShipment = { ok: true; fields: ShipmentFields } | { ok: false; problems: Problem[] };

type Report = (field: string, code: string, message: string) => void;

/**
 * The values of one request, or the problems that stop it from being valid. Free text is
 * cleaned to what xsd:normalizedString allows and shortened where a shorter value still
 * delivers (a name, a company, a street spilling onto line 2); a value that cannot be made
 * valid (a city, a postal code, an id) is refused rather than guessed. Problems come in the
 * order of the form: ids, recipient, parcel, sender.
 */
export function shipmentFields(req: ShipmentRequest, settings: ShipmentSettings, today: Date = new Date()): CheckedShipment {
  const problems: Problem[] = [];
  const problem: Report = (field, code, message) => problems.push({ field, code, message });

  const requestId = clean(req.requestId);
  if (requestId === "" || requestId.length > LIMITS.requestId) {
    problem("requestId", "bad_request_id", `The customer-request-id "${requestId}" must be 1 to ${LIMITS.requestId} characters.`);
  }
  const orderId = clean(req.orderId);
  if (orderId === "" || orderId.length > LIMITS.reference) {
    problem("orderId", "bad_order_id", `The order id "${orderId}" does not fit customer-ref-1 (1 to ${LIMITS.reference} characters).`);
  }
  const serviceCode = clean(req.serviceCode ?? settings.serviceCode);
  if (serviceCode === "" || serviceCode.length > LIMITS.serviceCode) problem("serviceCode", "bad_service_code", `The service code "${serviceCode}" is not valid.`);
  const destination = destinationFields(req.recipient, orderId, problem);
  const parcel = parcelFields(req.parcel, problem);
  const sender = senderFields(settings.sender, problem);
  if (settings.contractId !== undefined && !/^\d{1,10}$/.test(settings.contractId)) problem("contractId", "bad_contract_id", "The contract id (settings) must be 1 to 10 digits.");

  const groupId = groupIdFor(req.mailingDate ?? today);
  if (problems.length > 0) return { ok: false, problems };
  const email = req.recipient.email ? clean(req.recipient.email) : "";
  return {
    ok: true,
    fields: {
      requestId,
      transmit: settings.manifest === "transmit",
      groupId,
      shippingPoint: sender.address.postalCode,
      serviceCode,
      sender,
      destination,
      ...parcel,
      email: email !== "" && email.length <= LIMITS.email && EMAIL.test(email) ? email : "",
      labelFormat: settings.labelFormat,
      encoding: settings.labelEncoding === "zpl" ? "ZPL" : "PDF",
      orderId,
      reference2: req.reference2 ? fitLength(clean(req.reference2), LIMITS.reference) : "",
      contractId: settings.contractId ?? "",
      methodOfPayment: settings.methodOfPayment,
    },
  };
}

function destinationFields(r: ShipmentRequest["recipient"], orderId: string, problem: Report): ShipmentFields["destination"] {
  const country = clean(r.country).toUpperCase();
  if (country !== "CA") {
    problem("country", "foreign_destination", `The order ships to "${country}": shipdesk builds domestic (Canada) shipments only; US and international labels need a customs declaration, so ship this one by hand.`);
  }
  const name = fitLength(clean(r.name), LIMITS.name);
  const company = r.company ? fitLength(clean(r.company), LIMITS.company) : "";
  if (name === "" && company === "") problem("name", "missing_name", "The recipient has neither a name nor a company.");
  const lines = addressLines(r.addressLine1, r.addressLine2);
  if (!lines) {
    problem("street1", "street_too_long", `The street address "${clean(r.addressLine1)} ${clean(r.addressLine2 ?? "")}" does not fit two lines of ${LIMITS.addressLine} characters; write it shorter in shipdesk: shipdesk address ${orderId} --line1 "…".`);
  } else if (lines[0] === "") {
    problem("street1", "missing_street", "The recipient's street address is empty.");
  }
  const city = clean(r.city);
  if (city === "") problem("city", "missing_city", "The recipient's city is empty.");
  else if (city.length > LIMITS.city) problem("city", "city_too_long", `The city "${city}" is longer than ${LIMITS.city} characters; use its official short name.`);
  const province = clean(r.province).toUpperCase();
  if (!PROVINCES.has(province)) problem("province", "bad_province", `"${province}" is not a Canadian province or territory code.`);
  const postalCode = clean(r.postalCode).toUpperCase().replace(/ /g, "");
  if (!CANADIAN_POSTAL_CODE.test(postalCode)) problem("postalCode", "bad_postal_code", `"${r.postalCode}" is not a Canadian postal code (like K1A0B1).`);
  const additionalInfo = r.additionalInfo ? clean(r.additionalInfo) : "";
  if (additionalInfo.length > LIMITS.additionalInfo) {
    problem("additionalInfo", "additional_info_too_long", `The additional address line "${additionalInfo}" is longer than ${LIMITS.additionalInfo} characters.`);
  }
  const phone = r.phone ? clean(r.phone) : "";
  if (phone.length > LIMITS.phone) problem("phone", "phone_too_long", `The phone number "${phone}" is longer than ${LIMITS.phone} characters.`);
  // `lines` is only missing when a problem was reported: the fields are not used then.
  return { name, company, phone, address: { lines: lines ?? ["", ""], city, province, country, postalCode }, additionalInfo };
}

function parcelFields(parcel: ShipmentRequest["parcel"], problem: Report): Pick<ShipmentFields, "weightKg" | "dimensionsCm"> {
  const weight = roundUp(parcel.weightKg, 3);
  if (!(weight > 0) || weight > MAX_WEIGHT_KG) problem("weight", "bad_weight", `The weight ${parcel.weightKg} kg is not between 0 and ${MAX_WEIGHT_KG} kg.`);
  const dims = parcel.dimensionsCm;
  const dimensions = dims && { length: roundUp(dims.length, 1), width: roundUp(dims.width, 1), height: roundUp(dims.height, 1) };
  if (dimensions && Object.values(dimensions).some((x) => !(x > 0) || x > MAX_DIMENSION_CM)) {
    problem("dimensions", "bad_dimensions", `The dimensions ${dims.length}×${dims.width}×${dims.height} cm are not each between 0 and ${MAX_DIMENSION_CM} cm.`);
  }
  return { weightKg: weight, dimensionsCm: dimensions };
}

/** The sender comes from the settings: a problem here is the settings', named so. */
function senderFields(s: ShipmentSettings["sender"], problem: Report): ShipmentFields["sender"] {
  const phone = clean(s.phone);
  const postalCode = clean(s.postalCode).toUpperCase().replace(/ /g, "");
  const lines = addressLines(s.addressLine1, s.addressLine2);
  const province = clean(s.province).toUpperCase();
  if (phone === "" || phone.length > LIMITS.phone) problem("sender.phone", "bad_sender_phone", "The sender's phone number (settings) is empty or too long.");
  if (!lines || lines[0] === "") problem("sender.addressLine1", "bad_sender_address", "The sender's address (settings) is empty or too long.");
  if (clean(s.city) === "" || clean(s.city).length > LIMITS.city) problem("sender.city", "bad_sender_city", "The sender's city (settings) is empty or too long.");
  if (!PROVINCES.has(province)) problem("sender.province", "bad_sender_province", "The sender's province (settings) is not a province code.");
  if (!CANADIAN_POSTAL_CODE.test(postalCode)) problem("sender.postalCode", "bad_sender_postal_code", "The sender's postal code (settings) is not a Canadian postal code.");
  return {
    name: fitLength(clean(s.name), LIMITS.name),
    company: fitLength(clean(s.company), LIMITS.company),
    phone,
    address: { lines: lines ?? ["", ""], city: clean(s.city), province, country: "CA", postalCode },
  };
}

/**
 * Two address lines of at most 44 characters. A long first line spills its last words onto
 * line 2 (in front of what was there: "… Suite 400" then "Attn: Receiving"); undefined when
 * the whole does not fit, since a cut-off street would send the parcel astray.
 */
export function addressLines(line1: string, line2: string | null | undefined): [string, string] | undefined {
  const max = LIMITS.addressLine;
  let a = clean(line1);
  let b = clean(line2 ?? "");
  if (a === "" && b !== "") [a, b] = [b, ""];
  if (a.length <= max && b.length <= max) return [a, b];
  if (b.length > max) return undefined;
  const head = fitLength(a, max);
  if (!a.startsWith(head)) return undefined;
  const tail = a.slice(head.length).replace(/^[\s,]+/, "");
  const second = clean(b === "" ? tail : `${tail}, ${b}`);
  return head !== "" && second.length <= max ? [head, second] : undefined;
}

/** xsd:normalizedString: no tabs or line breaks; also no control characters XML 1.0 forbids. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, " ").replace(/\s+/g, " ").trim();
}

/** Weight and size are never rounded down: a lighter-than-real parcel is re-billed. */
function roundUp(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.ceil(Math.round(x * f * 1000) / 1000) / f;
}
