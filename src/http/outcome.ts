/** What one attempt at an HTTP call came to: an answer (any status), or no answer at all. */
export type HttpOutcome = HttpResponse | HttpNoAnswer;

export interface HttpResponse {
  kind: "response";
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** The body as UTF-8 text. */
  text: string;
  durationMs: number;
  attempt: number;
}

export interface HttpNoAnswer {
  kind: "no-answer";
  /** In words, for the audit row and the clerk: "timed out after 30000 ms", "connection reset". */
  error: string;
  timedOut: boolean;
  durationMs: number;
  attempt: number;
}

// A plain boolean, not a type guard: a guard would make TypeScript think a non-2xx response is
// not a response at all in the false branch.
export const isSuccess = (o: HttpOutcome): boolean => o.kind === "response" && o.status >= 200 && o.status < 300;

/** Seconds or an HTTP date, as servers send in Retry-After; undefined when absent or unreadable. */
export function retryAfterMs(o: HttpOutcome, now: number = Date.now()): number | undefined {
  if (o.kind !== "response") return undefined;
  const value = o.headers.get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
