import { createHash } from "node:crypto";

/**
 * Longest customer-request-id shipdesk makes. Create Shipment takes 35 characters over both
 * APIs, but the Developer Portal's Get Shipments searches `request-id` of at most 32: an id
 * longer than that could be sent but never found again after a lost reply. Ids of 33 to 35
 * characters stored before this limit stay valid (the database allows 35) and are still
 * recovered by the XML API, which searches all 35.
 */
export const REQUEST_ID_MAX = 32;

/**
 * customer-request-id: the same for the same order and attempt, so a run that lost Canada
 * Post's reply can find the shipment again with Get Shipments by request id. A very long
 * order id is replaced by a hash of it.
 */
export function customerRequestId(orderId: string, attempt: number): string {
  const plain = `${orderId}-${attempt}`;
  if (plain.length <= REQUEST_ID_MAX) return plain;
  const hash = createHash("sha256").update(orderId).digest("hex").slice(0, 24);
  const hashed = `h${hash}-${attempt}`;
  // Only a millionth attempt would pass 32; the hash then gives way, never the attempt number.
  return hashed.length <= REQUEST_ID_MAX ? hashed : `h${hash.slice(0, REQUEST_ID_MAX - 2 - String(attempt).length)}-${attempt}`;
}
