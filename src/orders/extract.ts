import { bestBuyChangedProblem, checkShipTo, countryAlpha2, normalizePostalCode, phoneDigits, provinceCode, type Problem, type ShipTo } from "../address/index.ts";
import { bestBuyChangedSince, correctedShipTo, type CurrentCorrection } from "./corrections.ts";

/**
 * What an order row holds, read from Best Buy's JSON. It reads `unknown` on purpose: the same
 * code takes a well-formed order and one that failed the schema, so a malformed order still
 * shows the clerk whatever could be read of it.
 */
export interface OrderFields {
  orderId: string;
  bestbuyState: string | null;
  commercialId: string | null;
  shipTo: ShipTo;
  lines: OrderLineSummary[];
  createdAt: string | null;
  updatedAt: string | null;
  /** The latest shipped_date of its lines, for orders shipped outside shipdesk. */
  shippedAt: string | null;
}

/** One element of `orders.order_lines`: what the shipping desk needs of a line. */
export interface OrderLineSummary {
  order_line_id: string | null;
  /** The seller's SKU (Mirakl's offer_sku): the key of sku_packages. */
  sku: string | null;
  product_sku: string | null;
  product_title: string | null;
  quantity: number | null;
  state: string | null;
  price_unit: number | null;
}

type Loose = Record<string, unknown>;

const obj = (x: unknown): Loose | undefined => (typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Loose) : undefined);

/** Trimmed text, or null when missing, empty or not text. */
function text(x: unknown): string | null {
  if (typeof x === "number" && Number.isFinite(x)) return String(x);
  if (typeof x !== "string") return null;
  const t = x.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/** An ISO date Best Buy sent, or null when it is not one PostgreSQL will take. */
function timestamp(x: unknown): string | null {
  const t = text(x);
  return t && !Number.isNaN(Date.parse(t)) ? t : null;
}

function joinText(...parts: unknown[]): string | null {
  const kept = parts.map(text).filter((p): p is string => p !== null);
  return kept.length ? kept.join(" ") : null;
}

/**
 * The ship-to in shipdesk's form: postal code, province, country and phone normalised where
 * they can be; left as sent where they cannot, so the problem message quotes what Best Buy had.
 */
export function readShipTo(raw: unknown): ShipTo {
  const order = obj(raw) ?? {};
  const customer = obj(order.customer) ?? {};
  const address = obj(customer.shipping_address) ?? {};
  const countrySent = text(address.country_iso_code) ?? text(address.country);
  const country = countrySent ? (countryAlpha2(countrySent) ?? countrySent) : null;
  const forCodes = country && country.length === 2 ? country : "CA";
  const province = text(address.state);
  const postal = text(address.zip_code);
  const phone = text(address.phone) ?? text(address.phone_secondary);
  return {
    name: joinText(address.firstname, address.lastname) ?? joinText(customer.firstname, customer.lastname),
    company: joinText(address.company, address.company_2),
    street1: text(address.street_1),
    street2: text(address.street_2),
    city: text(address.city),
    province: province ? (provinceCode(province, forCodes) ?? province) : null,
    postalCode: postal ? (normalizePostalCode(postal, forCodes) ?? postal) : null,
    country,
    phone: phone ? (phoneDigits(phone) ?? phone) : null,
    email: text(order.customer_notification_email),
  };
}

export function readOrderLines(raw: unknown): OrderLineSummary[] {
  const lines = obj(raw)?.order_lines;
  if (!Array.isArray(lines)) return [];
  return lines.map((item) => {
    const line = obj(item) ?? {};
    return {
      order_line_id: text(line.order_line_id),
      sku: text(line.offer_sku),
      product_sku: text(line.product_sku),
      product_title: text(line.product_title),
      quantity: num(line.quantity),
      state: text(line.order_line_state),
      price_unit: num(line.price_unit),
    };
  });
}

export function readOrderFields(orderId: string, raw: unknown): OrderFields {
  const order = obj(raw) ?? {};
  const lines = Array.isArray(order.order_lines) ? order.order_lines : [];
  const shipped = lines.map((l) => timestamp(obj(l)?.shipped_date)).filter((d): d is string => d !== null).sort();
  return {
    orderId,
    bestbuyState: text(order.order_state),
    commercialId: text(order.commercial_id),
    shipTo: readShipTo(raw),
    lines: readOrderLines(raw),
    createdAt: timestamp(order.created_date),
    updatedAt: timestamp(order.last_updated_date),
    shippedAt: shipped.at(-1) ?? null,
  };
}

/**
 * Why the order cannot ship yet: its address (the clerk's correction when there is one: Best
 * Buy's is then only compared with the one corrected), and its shape when Best Buy's JSON was odd.
 */
export function orderProblems(fields: OrderFields, malformed: string | undefined, correction?: CurrentCorrection): Problem[] {
  const problems: Problem[] = [];
  if (malformed) problems.push({ field: "order", code: "malformed_order", message: malformed });
  if (fields.lines.length === 0) {
    problems.push({ field: "order_lines", code: "no_lines", message: "Best Buy sent this order without any order lines; check it in the Best Buy seller portal." });
  }
  const shipTo = correction ? correctedShipTo(correction, fields.shipTo) : fields.shipTo;
  problems.push(...checkShipTo(shipTo, fields.orderId));
  if (correction && bestBuyChangedSince(correction, fields.shipTo)) problems.push(bestBuyChangedProblem(fields.orderId));
  return problems;
}
