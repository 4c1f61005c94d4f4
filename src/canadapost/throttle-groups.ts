import { RateLimiter, type HttpOutcome } from "../http/index.ts";
import type { CanadaPostEndpoint } from "./carrier.ts";
import { CanadaPostError } from "./error.ts";
import type { CarrierFailure } from "./outcome.ts";

/**
 * Canada Post counts calls per API key, per group of calls, per rolling minute (its "API
 * Throttle Limits" page; reference/canadapost/README.md §4). A throttle in one group says
 * nothing about the others: a busy end of day must not hold up labels, nor labels the rates.
 */
export type ThrottleGroup = "A" | "B" | "C" | "D" | "E" | "F";

export const THROTTLE_GROUP_OF: Record<CanadaPostEndpoint, ThrottleGroup> = {
  CreateShipment: "A",
  GetShipment: "A",
  GetShipmentDetails: "A",
  GetShipmentPrice: "A",
  GetArtifact: "A",
  VoidShipment: "B",
  RequestRefund: "B",
  GetShipments: "C",
  TransmitShipments: "C",
  GetManifest: "C",
  GetManifests: "C",
  GetRates: "D",
  GetServices: "D",
  GetTrackingSummary: "E",
  GetTrackingDetails: "E",
  GetDeliveryCertificate: "F",
};

/** The published default limits, calls a minute. Group A is the setting (canadapost.requests_per_minute). */
export const DEFAULT_GROUP_LIMITS: Record<Exclude<ThrottleGroup, "A">, number> = { B: 468, C: 730, D: 840, E: 20, F: 6 };

/** One limiter per throttle group, shared by every worker of the run. */
export type ThrottleLimiters = Record<ThrottleGroup, RateLimiter>;

export interface LimiterOptions {
  windowMs?: number;
  firstBackoffMs?: number;
  /** The clock the windows are counted on (ms), and how a wait passes: a test's simulated days. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function throttleLimiters(groupAPerMinute: number, options: LimiterOptions = {}): ThrottleLimiters {
  const windowMs = options.windowMs ?? 60_000;
  const make = (limit: number) => new RateLimiter(limit, windowMs, options.now, options.sleep, options.firstBackoffMs);
  const L = DEFAULT_GROUP_LIMITS;
  return { A: make(groupAPerMinute), B: make(L.B), C: make(L.C), D: make(L.D), E: make(L.E), F: make(L.F) };
}

/**
 * The throttle group's pacing after one call, for either API: a throttle sets the group's
 * back-off (and says how long it is), any reply through the gateway resets it.
 */
export function paced<S extends { kind: string }>(sorted: S, outcome: HttpOutcome, limiter: RateLimiter | undefined): S {
  if (sorted.kind === "throttled") {
    const t = sorted as S & { askedMs?: number };
    return limiter ? { ...sorted, retryAfterMs: limiter.throttled(outcome.durationMs, t.askedMs) } : sorted;
  }
  // Through the gateway (an answer, even a no): the next throttle starts short again.
  if (outcome.kind === "response") limiter?.succeeded();
  return sorted;
}

/**
 * Calls whose answer shipdesk can do without (a quote: the label is bought with the fallback
 * service; the list of services: the published codes stand in): while their group is paused by
 * a throttle they are not queued behind it, they come back at once as throttled, and nothing is
 * sent.
 */
const SKIPPED_WHILE_PAUSED: ReadonlySet<CanadaPostEndpoint> = new Set(["GetRates", "GetServices"]);

export function skippedWhilePaused(endpoint: CanadaPostEndpoint, limiter: RateLimiter | undefined): CarrierFailure | undefined {
  const wait = limiter?.pausedMs() ?? 0;
  if (!SKIPPED_WHILE_PAUSED.has(endpoint) || wait === 0) return undefined;
  const error = new CanadaPostError(endpoint, null, [], `not asked: Canada Post asked to slow down moments ago (${Math.ceil(wait / 1000)} s left)`);
  return { kind: "throttled", retryAfterMs: wait, error };
}
