import { checkFitted, fitAddress, type Problem, type ShipTo } from "../address/index.ts";
import type { Parcel, ShipmentRequest } from "./request.ts";

export interface OrderForShipment {
  orderId: string;
  /** From the shipment row: deterministic per attempt, ≤35 characters. */
  requestId: string;
  shipTo: ShipTo;
  parcel: Parcel;
  /** The order lines' SKUs, for customer-ref-2 (shortened to fit). */
  skus?: readonly string[] | undefined;
  serviceCode?: string | undefined;
  mailingDate?: Date | undefined;
}

/**
 * An order's ship-to (Best Buy's, or the clerk's correction) → a typed Create Shipment request
 * carrying the address exactly as fitted to the label's lines, or every problem the clerk must
 * fix. The XML builder still enforces every limit.
 */
export function shipmentRequestFromOrder(order: OrderForShipment): { ok: true; request: ShipmentRequest } | { ok: false; problems: Problem[] } {
  const fitted = fitAddress(order.shipTo);
  const problems = checkFitted(order.shipTo, fitted, order.orderId);
  if (problems.length > 0) return { ok: false, problems };
  const a = fitted.address;
  const request: ShipmentRequest = {
    requestId: order.requestId,
    orderId: order.orderId,
    recipient: {
      name: a.name,
      company: a.company || undefined,
      additionalInfo: a.additionalInfo || undefined,
      addressLine1: a.line1,
      addressLine2: a.line2 || undefined,
      city: a.city,
      province: a.province,
      postalCode: a.postalCode,
      country: a.country,
      phone: a.phone || undefined,
      email: a.email || undefined,
    },
    parcel: order.parcel,
    reference2: skuSummary(order.skus),
    serviceCode: order.serviceCode,
    mailingDate: order.mailingDate,
  };
  return { ok: true, request };
}

/** "SKU1, SKU2 +3": what is in the box, as far as 35 characters allow. */
function skuSummary(skus: readonly string[] | undefined): string | undefined {
  const list = (skus ?? []).map((s) => s.trim()).filter((s) => s !== "");
  if (list.length === 0) return undefined;
  let text = list[0]!.slice(0, 35);
  let shown = 1;
  for (const sku of list.slice(1)) {
    const rest = list.length - shown - 1;
    const candidate = `${text}, ${sku}`;
    if (candidate.length + (rest > 0 ? ` +${rest}`.length : 0) > 35) break;
    text = candidate;
    shown++;
  }
  const more = list.length - shown;
  return more > 0 && `${text} +${more}`.length <= 35 ? `${text} +${more}` : text;
}
