import { FIRST_BACKOFF_MS, retryAfterMs, type HttpResponse } from "../http/index.ts";
import { CanadaPostError, type CanadaPostMessage } from "./error.ts";
import type { CarrierFailure } from "./outcome.ts";

/*
 * What both adapters' sorting of a reply shares. Each adapter reads its own error bodies
 * (xml/classify.ts, portal/classify.ts) into the same outcomes, so the workflows' safety holds
 * whichever API answered.
 */

/** One HTTP outcome sorted: an answer to read, or a failure value. */
export type Sorted = { kind: "answer"; response: HttpResponse } | CarrierFailure;

/** The wait after a throttle when no limiter keeps the back-off: the limiter's own first step. */
export const THROTTLE_WAIT_MS = FIRST_BACKOFF_MS;

const THROTTLE_TEXT = /rejected by slm monitor/i;

/** Canada Post's throttle says so in words ("Rejected by SLM Monitor"), whatever its status. */
export const isThrottle = (text: string): boolean => THROTTLE_TEXT.test(text);

/** A throttle as a failure value, for either API: Retry-After when given, else the first back-off step. */
export function throttledFailure(endpoint: string, outcome: HttpResponse, messages: readonly CanadaPostMessage[]): CarrierFailure {
  const asked = retryAfterMs(outcome);
  return {
    kind: "throttled",
    retryAfterMs: asked ?? THROTTLE_WAIT_MS,
    ...(asked !== undefined ? { askedMs: asked } : {}),
    error: new CanadaPostError(endpoint, outcome.status, messages, "throttled: too many calls in the last minute"),
  };
}

/** A 4xx is Canada Post deciding; 408 is the network giving up, so the request may have been handled. */
export const isRefusal = (status: number): boolean => status >= 400 && status < 500 && status !== 408;

/** A reply's text as a message can quote it: spaces squeezed, at most 200 characters. */
export function clippedText(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return "empty reply";
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}

/** The reply was 2xx but not what the protocol promises: treat as no answer. `got` quotes it. */
export function unreadable(endpoint: string, response: HttpResponse, what: string, got: string | undefined): CarrierFailure {
  return { kind: "unknown", error: new CanadaPostError(endpoint, response.status, [], `${what}; got: ${got}`) };
}
