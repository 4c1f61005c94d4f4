import type { Queryable } from "../../src/db/index.ts";
import insertOrder from "./insert_order.sql" with { type: "text" };

export interface TestOrder {
  order_id: string;
  customer_name?: string | null;
  ship_company?: string | null;
  ship_street_1?: string | null;
  ship_street_2?: string | null;
  ship_city?: string | null;
  ship_province?: string | null;
  ship_postal_code?: string | null;
  ship_country?: string | null;
  ship_phone?: string | null;
  ship_email?: string | null;
  order_lines?: unknown[];
  status?: string;
}

const PLACES = [
  ["Jordan MacLeod", "12 Spring Garden Rd", "Apt 4", "Halifax", "NS", "B3J 1A1"],
  ["Élodie Tremblay", "4520 rue Saint-Denis", "App. 3", "Montréal", "Québec", "H2J 2L3"],
  ["Priya Sharma", "88 Queen St W", null, "Toronto", "ON", "M5H 2N2"],
  ["Liam O'Connor", "1200 W Georgia St", "Suite 1500", "Vancouver", "BC", "V6E 4R2"],
  ["Chloé Gagnon", "75 boulevard René-Lévesque E", null, "Québec", "QC", "G1R 2B3"],
  ["Noah Campbell", "10 Main St", null, "Winnipeg", "Manitoba", "R3C 1A3"],
] as const;

/** A realistic accepted order, varied by index. */
export function testOrder(i: number, overrides: Partial<TestOrder> = {}): TestOrder {
  const [name, street1, street2, city, province, postal] = PLACES[i % PLACES.length]!;
  return {
    order_id: `T${String(1000 + i)}-A`,
    customer_name: name,
    ship_company: i % 3 === 0 ? "Acme Ltée" : null,
    ship_street_1: street1,
    ship_street_2: street2,
    ship_city: city,
    ship_province: province,
    ship_postal_code: postal,
    ship_country: "CAN",
    ship_phone: "514-555-0199",
    ship_email: `customer${i}@example.invalid`,
    order_lines: [{ offer_sku: `SKU-${i % 4}`, quantity: 1 + (i % 2), product_title: "HDMI cable" }],
    status: "accepted",
    ...overrides,
  };
}

export async function insertOrders(db: Queryable, orders: TestOrder[]): Promise<void> {
  for (const o of orders) {
    await db.query(insertOrder, [
      o.order_id,
      o.status ?? "accepted",
      o.customer_name ?? null,
      o.ship_company ?? null,
      o.ship_street_1 ?? null,
      o.ship_street_2 ?? null,
      o.ship_city ?? null,
      o.ship_province ?? null,
      o.ship_postal_code ?? null,
      o.ship_country ?? null,
      o.ship_phone ?? null,
      o.ship_email ?? null,
      JSON.stringify(o.order_lines ?? []),
    ]);
  }
}
