import type { HttpOutcome, HttpResponse, RateLimiter } from "../http/index.ts";
import type { CanadaPostEndpoint } from "./carrier.ts";
import { unreadable, type Sorted } from "./classify.ts";
import { CanadaPostError } from "./error.ts";
import { otherApiLink } from "./links.ts";
import { ok, type CarrierFailure, type CarrierOutcome, type InvalidRequest } from "./outcome.ts";
import { paced, skippedWhilePaused, THROTTLE_GROUP_OF, type ThrottleLimiters } from "./throttle-groups.ts";

/**
 * One call as an adapter words it: where it goes, what it sends (in the adapter's own encoding:
 * an XML string, a JSON object), and how a 2xx reply becomes the value. `read` names what was
 * expected when the reply is not it.
 */
export interface CallSpec<T, Body> {
  method: "GET" | "POST" | "DELETE";
  url: string;
  accept: string;
  body?: Body;
  /** A file Canada Post may still be rendering: a 404 is tried again (the portal's labels and manifests). */
  notReady?: boolean;
  read: (r: HttpResponse) => T | string;
}

/** A call the adapter answered without sending anything: a request that cannot be made valid, or one it cannot make. */
export type NotSent = InvalidRequest | CarrierFailure;

/** What an adapter's wire does: authenticate, encode and send one call, and read its error bodies. */
export interface Wire<Body> {
  /** Which API's links this wire may follow (a stored link of the other API is refused unsent). */
  readonly api: "xml" | "portal";
  /** One audited call through src/http, inside `limiter`; a failure when it could not be sent (no token). */
  send(endpoint: CanadaPostEndpoint, relatedId: string | undefined, spec: CallSpec<unknown, Body>, limiter: RateLimiter | undefined): Promise<HttpOutcome | CarrierFailure>;
  /** Sorts a reply into an answer or a failure, by this API's error bodies. */
  classify(endpoint: string, outcome: HttpOutcome): Sorted;
  /** What an unreadable 2xx reply said, for the error. */
  quote(response: HttpResponse): string | undefined;
}

/**
 * The one way every Canada Post call is made, for both adapters: the link's API checked, the
 * throttle group's limiter found, a call Canada Post can do without skipped while its group is
 * paused, the wire's send, the group's pacing, the sorting and the reading.
 */
export class CarrierCalls<Body> {
  constructor(
    private readonly wire: Wire<Body>,
    private readonly limiters: Partial<ThrottleLimiters>,
  ) {}

  call<T>(endpoint: CanadaPostEndpoint, relatedId: string | undefined, spec: CallSpec<T, Body>): Promise<CarrierOutcome<T>>;
  /** A request the adapter answered itself (`NotSent`) comes back as it is, nothing sent. */
  call<T, N extends NotSent>(endpoint: CanadaPostEndpoint, relatedId: string | undefined, spec: CallSpec<T, Body> | N): Promise<CarrierOutcome<T> | N>;
  async call<T, N extends NotSent>(endpoint: CanadaPostEndpoint, relatedId: string | undefined, spec: CallSpec<T, Body> | N): Promise<CarrierOutcome<T> | N> {
    if (!("method" in spec)) return spec as N;
    const elsewhere = otherApiLink(spec.url, this.wire.api);
    if (elsewhere) return { kind: "rejected", error: new CanadaPostError(endpoint, null, [], elsewhere) };
    const limiter = this.limiters[THROTTLE_GROUP_OF[endpoint]];
    const skipped = skippedWhilePaused(endpoint, limiter);
    if (skipped) return skipped;
    const outcome = await this.wire.send(endpoint, relatedId, spec, limiter);
    if (outcome.kind !== "response" && outcome.kind !== "no-answer") return outcome;
    const sorted = paced(this.wire.classify(endpoint, outcome), outcome, limiter);
    if (sorted.kind !== "answer") return sorted;
    const value = spec.read(sorted.response);
    if (typeof value === "string") return unreadable(endpoint, sorted.response, `expected ${value}`, this.wire.quote(sorted.response));
    return ok(value as T);
  }
}
