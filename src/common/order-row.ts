import type { ShipTo } from "../address/index.ts";

/** The ship-to columns of `orders`, as the label, the address corrections and the desk select them. */
export interface OrderAddressRow {
  order_id: string;
  customer_name: string | null;
  ship_company: string | null;
  ship_street_1: string | null;
  ship_street_2: string | null;
  ship_city: string | null;
  ship_province: string | null;
  ship_postal_code: string | null;
  ship_country: string | null;
  ship_phone: string | null;
  ship_email: string | null;
  order_lines: unknown;
}

export function shipToOf(row: OrderAddressRow): ShipTo {
  return {
    name: row.customer_name,
    company: row.ship_company,
    street1: row.ship_street_1,
    street2: row.ship_street_2,
    city: row.ship_city,
    province: row.ship_province,
    postalCode: row.ship_postal_code,
    country: row.ship_country,
    phone: row.ship_phone,
    email: row.ship_email,
  };
}

/** The fields a clerk may correct, as stored: null for an empty field. */
export type CorrectedFields = Pick<ShipTo, "name" | "company" | "street1" | "street2" | "city" | "province" | "postalCode" | "phone">;

export interface OrderLine {
  sku: string | undefined;
  quantity: number;
  title: string | undefined;
}

/** Order lines as intake stored them; tolerant of Mirakl's field names. */
export function linesOf(orderLines: unknown): OrderLine[] {
  if (!Array.isArray(orderLines)) return [];
  return orderLines.map((raw) => {
    const line = (raw ?? {}) as Record<string, unknown>;
    const sku = [line.sku, line.offer_sku, line.product_sku].find((x): x is string => typeof x === "string" && x !== "");
    const qty = Number(line.quantity ?? 1);
    const title = [line.title, line.product_title].find((x): x is string => typeof x === "string");
    return { sku, quantity: Number.isFinite(qty) && qty > 0 ? qty : 1, title };
  });
}
