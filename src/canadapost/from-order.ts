import { checkShipTo, countryAlpha2, normalizePostalCode, phoneDigits, present, provinceCode, type Problem, type ShipTo } from "../address/index.ts";
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
 * An order's ship-to as Best Buy gave it → a typed Create Shipment request, or every problem the
 * clerk must fix. Lengths are enforced later by the XML builder, which shortens or refuses.
 */
export function shipmentRequestFromOrder(order: OrderForShipment): { ok: true; request: ShipmentRequest } | { ok: false; problems: Problem[] } {
  const problems = checkShipTo(order.shipTo);
  if (problems.length > 0) return { ok: false, problems };
  const t = order.shipTo;
  const country = countryAlpha2(t.country)!;
  const name = present(t.name) ? t.name : (t.company ?? "");
  const company = present(t.name) && present(t.company) ? t.company : undefined;
  const street1 = present(t.street1) ? t.street1 : t.street2!;
  const street2 = present(t.street1) && present(t.street2) ? t.street2 : undefined;
  const request: ShipmentRequest = {
    requestId: order.requestId,
    orderId: order.orderId,
    recipient: {
      name,
      company,
      addressLine1: street1,
      addressLine2: street2,
      city: t.city!,
      province: provinceCode(t.province, country)!,
      postalCode: normalizePostalCode(t.postalCode, country)!,
      country,
      phone: phoneDigits(t.phone),
      email: present(t.email) ? t.email.trim() : undefined,
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
