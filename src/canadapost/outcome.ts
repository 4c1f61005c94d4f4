import type { Problem } from "../address/index.ts";
import type { CanadaPostError } from "./error.ts";

/**
 * How a call to Canada Post can fail, as values the workflows branch on:
 * - rejected: Canada Post answered no (4xx with messages). Nothing was bought.
 * - unknown: no usable answer (timeout, reset, 5xx, unreadable reply). For Create Shipment a label
 *   MAY have been bought: search by customer-request-id before ever creating again.
 * - throttled: Canada Post's SLM monitor (or a 429) refused the call before doing anything;
 *   wait `retryAfterMs` (the throttle group's back-off, or the server's Retry-After), then
 *   continue. `askedMs` is set when the server itself said how long.
 */
export type CarrierFailure =
  | { kind: "rejected"; error: CanadaPostError }
  | { kind: "unknown"; error: CanadaPostError }
  | { kind: "throttled"; retryAfterMs: number; askedMs?: number; error: CanadaPostError };

export type CarrierOutcome<T> = { kind: "ok"; value: T } | CarrierFailure;

/** A request that could not be made valid: nothing was sent, the clerk must fix the order. */
export interface InvalidRequest {
  kind: "invalid";
  problems: Problem[];
}

export const ok = <T>(value: T): { kind: "ok"; value: T } => ({ kind: "ok", value });
