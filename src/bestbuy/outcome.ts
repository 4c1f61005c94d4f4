import type { BestBuyError } from "./error.ts";

/**
 * What a Best Buy call came to. Exceptions are kept for bugs; everything Best Buy can answer
 * is one of these, and each kind tells the caller what to do next:
 *
 * - `ok`: done (for a state change: the reply said so, or the order read back shows it).
 * - `rejected`: Best Buy answered and said no (4xx, including 401 for a bad key); nothing
 *   changed. Trying again will not help until something is fixed.
 * - `unknown`: a state change (OR21, OR24) may or may not have happened, and reading the
 *   order back could not settle it. Read the order again later before deciding.
 * - `unavailable`: Best Buy could not be reached, failed (5xx), kept throttling, or sent a
 *   reply that could not be read; nothing is known to have changed and the call is safe to
 *   repeat later (reads, and OR23, which overwrites).
 */
export type BestBuyOutcome<T> =
  | { kind: "ok"; value: T }
  | { kind: "rejected"; error: BestBuyError }
  | { kind: "unknown"; error: BestBuyError }
  | { kind: "unavailable"; error: BestBuyError };

export type BestBuyFailure = Exclude<BestBuyOutcome<never>, { kind: "ok" }>;

export const ok = <T>(value: T): BestBuyOutcome<T> => ({ kind: "ok", value });
