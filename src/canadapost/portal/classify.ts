import type { HttpOutcome, HttpResponse } from "../../http/index.ts";
import { clippedText, isRefusal, isThrottle, throttledFailure, unreadable, type Sorted } from "../classify.ts";
import { CanadaPostError } from "../error.ts";
import type { CarrierFailure } from "../outcome.ts";
import { parseErrorJson } from "./replies.ts";

/**
 * The XML client's sorting (xml/classify.ts) for JSON replies: the same outcomes, so the
 * workflows' safety holds unchanged. The throttle ("Rejected by SLM Monitor", or 429) is
 * looked for in any reply, whatever its status and shape.
 */
export function classifyJson(endpoint: string, outcome: HttpOutcome): Sorted {
  if (outcome.kind === "no-answer") {
    return { kind: "unknown", error: new CanadaPostError(endpoint, null, [], outcome.error) };
  }
  const ok = outcome.status >= 200 && outcome.status < 300;
  const messages = ok ? [] : (parseErrorJson(outcome.text) ?? []);
  if (outcome.status === 429 || (!ok && isThrottle(outcome.text))) return throttledFailure(endpoint, outcome, messages);
  if (ok) return { kind: "answer", response: outcome };
  const error = new CanadaPostError(endpoint, outcome.status, messages, messages.length === 0 ? quoteJson(outcome) : undefined);
  return { kind: isRefusal(outcome.status) ? "rejected" : "unknown", error };
}

export function unreadableJson(endpoint: string, response: HttpResponse, what: string): CarrierFailure {
  return unreadable(endpoint, response, what, quoteJson(response));
}

/** What an unexpected reply said: its text, or a PDF's size. */
export function quoteJson(r: HttpResponse): string {
  if ((r.headers.get("content-type") ?? "").includes("application/pdf")) return `a PDF of ${r.body.byteLength} bytes`;
  return clippedText(r.text);
}
