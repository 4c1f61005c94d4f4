import { FIRST_BACKOFF_MS, retryAfterMs, type HttpOutcome, type HttpResponse } from "../http/index.ts";
import { CanadaPostError, type CanadaPostMessage } from "./error.ts";
import type { CarrierFailure } from "./outcome.ts";
import { parseMessages } from "./replies.ts";

/** The wait after a throttle when no limiter keeps the back-off: the limiter's own first step. */
export const THROTTLE_WAIT_MS = FIRST_BACKOFF_MS;

const THROTTLE_TEXT = /rejected by slm monitor/i;

export const isThrottle = (text: string): boolean => THROTTLE_TEXT.test(text);

/**
 * Sorts one HTTP outcome into an answer to read, or a failure value. Canada Post's throttle
 * status is undocumented, so the SLM text is looked for in any reply, whatever its status.
 */
export function classify(endpoint: string, outcome: HttpOutcome): { kind: "answer"; response: HttpResponse } | CarrierFailure {
  if (outcome.kind === "no-answer") {
    return { kind: "unknown", error: new CanadaPostError(endpoint, null, [], outcome.error) };
  }
  const messages = looksLikeXml(outcome) ? (parseMessages(outcome.text) ?? []) : [];
  if (outcome.status === 429 || messages.some((m) => THROTTLE_TEXT.test(m.description))) return throttledFailure(endpoint, outcome, messages);
  if (outcome.status >= 200 && outcome.status < 300) return { kind: "answer", response: outcome };
  if (isRefusal(outcome.status)) return { kind: "rejected", error: new CanadaPostError(endpoint, outcome.status, messages) };
  return { kind: "unknown", error: new CanadaPostError(endpoint, outcome.status, messages, shortBody(outcome)) };
}

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

/** The reply was 2xx but not what the protocol promises: treat as no answer. */
export function unreadable(endpoint: string, response: HttpResponse, what: string): CarrierFailure {
  return { kind: "unknown", error: new CanadaPostError(endpoint, response.status, [], `${what}; got: ${shortBody(response)}`) };
}

function looksLikeXml(r: HttpResponse): boolean {
  return r.text.trimStart().startsWith("<");
}

function shortBody(r: HttpResponse): string | undefined {
  if (looksLikeXml(r) && parseMessages(r.text)) return undefined;
  return clippedText(r.text);
}
