import {
  bestBuyChangedProblem,
  checkFitted,
  countryAlpha2,
  fitAddress,
  labelLines,
  normalizePostalCode,
  phoneDigits,
  provinceCode,
  clean,
  type LabelAddress,
  type Problem,
  type ShipTo,
} from "../address/index.ts";
import type { Queryable } from "../db/index.ts";
import type { CorrectedFields } from "../common/order-row.ts";
import { addressOfOrder, correctionHistory, type AddressRow, type CorrectedVia, type HistoryRow } from "./store.ts";

/** The fields a clerk may correct, in the order a label prints them. */
export const CORRECTION_FIELDS = ["name", "company", "street1", "street2", "city", "province", "postalCode", "phone"] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

export const FIELD_LABELS: Readonly<Record<CorrectionField, string>> = {
  name: "Name",
  company: "Company",
  street1: "Address line 1",
  street2: "Address line 2",
  city: "City",
  province: "Province",
  postalCode: "Postal code",
  phone: "Phone",
};

/** Shipment states in which a label exists or may: the address it was bought for stays. */
const LABEL_STATES: Readonly<Record<string, string>> = {
  label_creation_initiated: "a Canada Post label is being bought for it (or a run stopped while buying it)",
  label_created: "it already has a Canada Post label",
  tracking_updated: "it already has a Canada Post label and is shipped",
};

export interface AddressView {
  orderId: string;
  /** Why the address can no longer change (one sentence); undefined while it can. */
  locked: string | undefined;
  bestBuy: ShipTo;
  /** What the label uses: the correction in force, else Best Buy's. */
  current: ShipTo;
  correction: { id: number; by: string; via: CorrectedVia; at: Date } | undefined;
  bestBuyChanged: boolean;
  /** `current` as the label will print it. */
  label: LabelAddress;
  /** What stops `current` from shipping (with the fixes), Best Buy's later change included. */
  problems: Problem[];
}

export function lockedReason(orderId: string, orderStatus: string, shipmentStatus: string | null): string | undefined {
  if (orderStatus !== "accepted" && orderStatus !== "waiting_acceptance") {
    return `Order ${orderId} is ${orderStatus.replaceAll("_", " ")}, so its address can no longer change.`;
  }
  const label = shipmentStatus ? LABEL_STATES[shipmentStatus] : undefined;
  if (label) {
    return `Order ${orderId}'s address can no longer change: ${label}. To send it elsewhere, cancel that label first (shipdesk void ${orderId} --reship), then correct the address.`;
  }
  return undefined;
}

export function bestBuyShipTo(row: AddressRow): ShipTo {
  return {
    name: row.bb_name, company: row.bb_company, street1: row.bb_street_1, street2: row.bb_street_2, city: row.bb_city,
    province: row.bb_province, postalCode: row.bb_postal_code, country: row.bb_country, phone: row.bb_phone, email: row.ship_email,
  };
}

export function currentShipTo(row: AddressRow): ShipTo {
  return {
    name: row.customer_name, company: row.ship_company, street1: row.ship_street_1, street2: row.ship_street_2, city: row.ship_city,
    province: row.ship_province, postalCode: row.ship_postal_code, country: row.ship_country, phone: row.ship_phone, email: row.ship_email,
  };
}

/** The address and its problems, the way every screen shows it. */
export function viewOf(row: AddressRow): AddressView {
  const current = currentShipTo(row);
  const fitted = fitAddress(current);
  const problems = checkFitted(current, fitted, row.order_id);
  if (row.bestbuy_changed) problems.push(bestBuyChangedProblem(row.order_id));
  return {
    orderId: row.order_id,
    locked: lockedReason(row.order_id, row.status, row.shipment_status),
    bestBuy: bestBuyShipTo(row),
    current,
    correction:
      row.correction_id === null
        ? undefined
        : { id: Number(row.correction_id), by: row.corrected_by ?? "", via: row.corrected_via ?? "command", at: new Date(row.corrected_at ?? 0) },
    bestBuyChanged: row.bestbuy_changed === true,
    label: fitted.address,
    problems,
  };
}

export async function addressView(db: Queryable, orderId: string): Promise<AddressView | undefined> {
  const row = await addressOfOrder(db, orderId);
  return row && viewOf(row);
}

export const history = (db: Queryable, orderId: string): Promise<HistoryRow[]> => correctionHistory(db, orderId);

/**
 * What the clerk typed, tidied the way Best Buy's addresses are on import: blanks collapsed,
 * empty is none, the province as its code, the postal code and phone in Canada Post's form
 * (left as typed when they are not one, so the problem quotes it).
 */
export function tidy(fields: CorrectedFields, country: string | null): CorrectedFields {
  const codes = countryAlpha2(country ?? "") ?? "CA";
  const text = (v: string | null | undefined) => (clean(v) === "" ? null : clean(v));
  const province = text(fields.province);
  const postal = text(fields.postalCode);
  const phone = text(fields.phone);
  return {
    name: text(fields.name),
    company: text(fields.company),
    street1: text(fields.street1),
    street2: text(fields.street2),
    city: text(fields.city),
    province: province && (provinceCode(province, codes) ?? province),
    postalCode: postal && (normalizePostalCode(postal, codes) ?? postal),
    phone: phone && (phoneDigits(phone) ?? phone),
  };
}

export function fieldsOf(s: ShipTo): CorrectedFields {
  return { name: s.name, company: s.company, street1: s.street1, street2: s.street2, city: s.city, province: s.province, postalCode: s.postalCode, phone: s.phone };
}

/** "Jordan MacLeod / 12 Spring Garden Rd / Halifax NS  B3J 1A1": the label in one line. */
export const labelInOneLine = (label: LabelAddress) => labelLines(label).join(" / ");
