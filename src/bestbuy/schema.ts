import * as v from "valibot";

/**
 * The parts of Mirakl's JSON that shipdesk reads, checked at the edge. Objects are loose and
 * enums are plain strings: Mirakl asks integrators to tolerate new fields and new values, so
 * only what we rely on is required, and only its type is checked.
 */

const text = v.nullish(v.string());
const amount = v.nullish(v.number());

export const AddressSchema = v.looseObject({
  firstname: text,
  lastname: text,
  company: text,
  company_2: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip_code: text,
  country: text,
  country_iso_code: text,
  phone: text,
  phone_secondary: text,
  additional_info: text,
});

export const OrderLineSchema = v.looseObject({
  order_line_id: v.string(),
  order_line_index: v.nullish(v.number()),
  order_line_state: v.string(),
  offer_sku: text,
  product_sku: text,
  product_title: text,
  quantity: v.pipe(v.number(), v.integer()),
  price_unit: amount,
  price: amount,
  shipped_date: text,
});

export const CustomerSchema = v.looseObject({
  customer_id: text,
  firstname: text,
  lastname: text,
  locale: text,
  shipping_address: v.nullish(AddressSchema),
  billing_address: v.nullish(AddressSchema),
});

export const OrderSchema = v.looseObject({
  order_id: v.pipe(v.string(), v.nonEmpty()),
  commercial_id: v.nullish(v.union([v.string(), v.number()])),
  order_state: v.string(),
  created_date: text,
  last_updated_date: text,
  shipping_deadline: text,
  customer: v.nullish(CustomerSchema),
  customer_notification_email: text,
  order_lines: v.array(OrderLineSchema),
  shipping_carrier_code: text,
  shipping_company: text,
  shipping_tracking: text,
  shipping_tracking_url: text,
  shipping_type_code: text,
});

/** Enough of an order to name it, when the rest cannot be read. */
export const OrderIdentitySchema = v.looseObject({
  order_id: v.pipe(v.string(), v.nonEmpty()),
  order_state: v.optional(v.unknown()),
});

export const OrderListSchema = v.looseObject({
  orders: v.array(v.unknown()),
  total_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const CarrierSchema = v.looseObject({
  code: v.string(),
  label: text,
  standard_code: text,
  tracking_url: text,
});

export const CarrierListSchema = v.looseObject({ carriers: v.array(CarrierSchema) });

/** Mirakl's error body: `{ message, status }` at least; some APIs add a code or a list. */
export const ErrorBodySchema = v.looseObject({
  message: v.optional(v.unknown()),
  status: v.optional(v.unknown()),
  code: v.optional(v.unknown()),
  errors: v.optional(v.unknown()),
});

export type MiraklAddress = v.InferOutput<typeof AddressSchema>;
export type MiraklOrderLine = v.InferOutput<typeof OrderLineSchema>;
/** An order as Best Buy sent it, checked; unknown fields are kept. */
export type MiraklOrder = v.InferOutput<typeof OrderSchema>;
export type Carrier = v.InferOutput<typeof CarrierSchema>;

/** Valibot's issues as one sentence a clerk can pass on: "order_lines[0].quantity is "two", expected a number". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = (issue.path ?? [])
      .map((item, i) => (typeof item.key === "number" ? `[${item.key}]` : `${i === 0 ? "" : "."}${String(item.key)}`))
      .join("");
    const received = issue.received === "undefined" ? "missing" : `${issue.received}`;
    return `${path || "the order"} is ${received}, expected ${describeExpected(issue.expected)}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  return parts.join("; ") + more;
}

function describeExpected(expected: string | null): string {
  if (!expected) return "something else";
  return expected
    .replace(/\bstring\b/g, "text")
    .replace(/\bnumber\b/g, "a number")
    .replace(/\bObject\b/g, "an object")
    .replace(/\bArray\b/g, "a list")
    .replace(/!0/g, "not empty");
}
