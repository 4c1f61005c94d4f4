import type { HttpOutcome, HttpResponse } from "../../http/index.ts";
import { clippedText, isRefusal, isThrottle, throttledFailure, type Sorted } from "../classify.ts";
import { CanadaPostError } from "../error.ts";
import { parseMessages } from "./replies.ts";

/**
 * Sorts one HTTP outcome into an answer to read, or a failure value. Canada Post's throttle
 * status is undocumented, so the SLM text is looked for in any reply, whatever its status.
 */
export function classify(endpoint: string, outcome: HttpOutcome): Sorted {
  if (outcome.kind === "no-answer") {
    return { kind: "unknown", error: new CanadaPostError(endpoint, null, [], outcome.error) };
  }
  const messages = looksLikeXml(outcome) ? (parseMessages(outcome.text) ?? []) : [];
  if (outcome.status === 429 || messages.some((m) => isThrottle(m.description))) return throttledFailure(endpoint, outcome, messages);
  if (outcome.status >= 200 && outcome.status < 300) return { kind: "answer", response: outcome };
  if (isRefusal(outcome.status)) return { kind: "rejected", error: new CanadaPostError(endpoint, outcome.status, messages) };
  return { kind: "unknown", error: new CanadaPostError(endpoint, outcome.status, messages, shortBody(outcome)) };
}

function looksLikeXml(r: HttpResponse): boolean {
  return r.text.trimStart().startsWith("<");
}

/** What an unexpected reply said, when its `<messages>` do not say it already. */
export function shortBody(r: HttpResponse): string | undefined {
  if (looksLikeXml(r) && parseMessages(r.text)) return undefined;
  return clippedText(r.text);
}
