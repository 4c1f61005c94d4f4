import { createHash } from "node:crypto";

/**
 * customer-request-id: the same for the same order and attempt, so a run that lost Canada
 * Post's reply can find the shipment again with Get Shipments ?requestId=. Canada Post allows 35
 * characters; a very long order id is replaced by a hash of it.
 */
export function customerRequestId(orderId: string, attempt: number): string {
  const plain = `${orderId}-${attempt}`;
  if (plain.length <= 35) return plain;
  const hash = createHash("sha256").update(orderId).digest("hex").slice(0, 24);
  return `h${hash}-${attempt}`;
}
