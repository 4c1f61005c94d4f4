import { TAXES, type Product } from "./places.ts";

/** A Mirakl address object, as in OR11. */
export interface SandboxAddress {
  firstname: string | null;
  lastname: string | null;
  company: string | null;
  street_1: string | null;
  street_2: string | null;
  city: string | null;
  state: string | null;
  zip_code: string | null;
  country: string | null;
  country_iso_code: string | null;
  phone: string | null;
}

export interface OrderSpec {
  orderId: string;
  commercialId: string;
  state: string;
  createdAt: Date;
  locale: "en_CA" | "fr_CA";
  customerId: string;
  firstname: string;
  lastname: string;
  /** Where it ships; Best Buy shows it only from acceptance on. */
  address: SandboxAddress | null;
  /** Province code for the taxes. */
  taxProvince: string;
  lines: ReadonlyArray<{ product: Product; quantity: number; shippingPrice: number }>;
  /** Best Buy's promise: ship by (shipping_deadline) and, for shops with delivery dates, deliver by. */
  promise?: { shipBy: Date; deliverFrom?: Date; deliverBy?: Date } | undefined;
}

const money = (n: number) => Math.round(n * 100) / 100;
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

type Tax = { code: string; rate: number };

/** One order line, its amounts consistent with its price, quantity and the province's taxes. */
function orderLine(spec: OrderSpec, line: OrderSpec["lines"][number], i: number, taxes: readonly Tax[], created: string) {
  const price = money(line.product.price * line.quantity);
  const commissionFee = money(price * 0.08);
  const commissionTax = money(commissionFee * 0.13);
  return {
    can_refund: false,
    cancelations: [],
    category_code: line.product.categoryCode,
    category_label: line.product.categoryLabel,
    commission_fee: commissionFee,
    commission_rate_vat: 13.0,
    commission_taxes: [{ amount: commissionTax, code: "HST", rate: 13.0 }],
    commission_vat: commissionTax,
    created_date: created,
    debited_date: null,
    description: null,
    last_updated_date: created,
    offer_id: line.product.offerId,
    offer_sku: line.product.offerSku,
    offer_state_code: "11",
    order_line_additional_fields: [],
    order_line_id: `${spec.orderId}-${i + 1}`,
    order_line_index: i + 1,
    order_line_state: spec.state,
    order_line_state_reason_code: null,
    order_line_state_reason_label: null,
    origin_unit_price: line.product.price,
    price,
    price_additional_info: null,
    price_unit: line.product.price,
    product_medias: [],
    product_sku: line.product.productSku,
    product_title: line.product.title,
    promotions: [],
    quantity: line.quantity,
    received_date: null,
    refunds: [],
    shipped_date: null,
    shipping_price: line.shippingPrice,
    shipping_taxes: line.shippingPrice > 0 ? taxes.map((t) => ({ amount: money((line.shippingPrice * t.rate) / 100), code: t.code, rate: t.rate })) : [],
    taxes: taxes.map((t) => ({ amount: money((price * t.rate) / 100), code: t.code, rate: t.rate })),
    total_commission: money(commissionFee + commissionTax),
    total_price: money(price + line.shippingPrice),
  };
}

/** An order object in the shape of reference/bestbuy/or11-sample.json, amounts consistent. */
export function buildOrder(spec: OrderSpec): Record<string, unknown> {
  const taxes = TAXES[spec.taxProvince] ?? TAXES.ON!;
  const created = iso(spec.createdAt);
  const lines = spec.lines.map((line, i) => orderLine(spec, line, i, taxes, created));
  const sum = (key: "price" | "shipping_price" | "total_commission") => money(lines.reduce((s, l) => s + l[key], 0));
  const price = sum("price");
  const shippingPrice = sum("shipping_price");
  const accepted = spec.state !== "WAITING_ACCEPTANCE" && spec.state !== "STAGING";
  const decided = accepted ? iso(addMinutes(spec.createdAt, 95)) : null;
  const address = spec.address ? { ...spec.address, civility: null, phone_secondary: null } : null;
  return {
    acceptance_decision_date: decided,
    can_cancel: spec.state === "SHIPPING" || spec.state === "WAITING_ACCEPTANCE",
    can_shop_ship: spec.state === "SHIPPING",
    channel: null,
    commercial_id: spec.commercialId,
    created_date: created,
    currency_iso_code: "CAD",
    customer: {
      billing_address: accepted ? address : null,
      civility: null,
      customer_id: spec.customerId,
      firstname: spec.firstname,
      lastname: spec.lastname,
      locale: spec.locale,
      shipping_address: accepted && address ? { ...address, additional_info: null } : null,
    },
    customer_debited_date: decided,
    customer_directly_pays_seller: false,
    customer_notification_email: `notification+${spec.commercialId}@notification.example.invalid`,
    fulfillment: { center: { code: "DEFAULT" } },
    fully_refunded: false,
    has_customer_message: false,
    has_incident: false,
    has_invoice: false,
    last_updated_date: decided ?? created,
    leadtime_to_ship: 2,
    order_additional_fields: [],
    order_id: spec.orderId,
    order_lines: lines,
    order_state: spec.state,
    order_state_reason_code: null,
    order_state_reason_label: null,
    order_tax_mode: "TAX_EXCLUDED",
    paymentType: "CREDIT_CARD",
    payment_type: "CREDIT_CARD",
    payment_workflow: "PAY_ON_ACCEPTANCE",
    price,
    promotions: { applied_promotions: [], total_deduced_amount: 0.0 },
    quote_id: null,
    shipping_carrier_code: null,
    shipping_company: null,
    shipping_deadline: iso(spec.promise?.shipBy ?? addMinutes(spec.createdAt, 2 * 24 * 60)),
    delivery_date: spec.promise?.deliverBy ? { earliest: iso(spec.promise.deliverFrom ?? spec.promise.shipBy), latest: iso(spec.promise.deliverBy) } : null,
    shipping_price: shippingPrice,
    shipping_tracking: null,
    shipping_tracking_url: null,
    shipping_type_code: "S",
    shipping_type_label: "Standard Shipping",
    shipping_zone_code: "CA",
    shipping_zone_label: "Canada",
    total_commission: sum("total_commission"),
    total_price: money(price + shippingPrice),
  };
}
