import * as v from "valibot";
import type { HttpOutcome } from "../http/index.ts";
import { BestBuyError } from "./error.ts";
import { ErrorBodySchema } from "./schema.ts";

/** What each call was trying to do, in the clerk's words. */
export function purpose(endpoint: string, orderId?: string): string {
  switch (endpoint) {
    case "ListOrders":
      return orderId ? `read order ${orderId}` : "list orders";
    case "AcceptOrder":
      return `accept order ${orderId}`;
    case "UpdateTracking":
      return `take the tracking number for order ${orderId}`;
    case "ShipOrder":
      return `mark order ${orderId} shipped`;
    case "ListCarriers":
      return "list carriers";
    default:
      return `${endpoint}${orderId ? ` for order ${orderId}` : ""}`;
  }
}

/** Mirakl's messages from an error body; its code if it sent one. Never branched on by wording. */
function readErrorBody(text: string): { messages: string[]; code: string | undefined } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    return { messages: trimmed ? [trimmed.slice(0, 300)] : [], code: undefined };
  }
  const parsed = v.safeParse(ErrorBodySchema, json);
  if (!parsed.success) return { messages: [], code: undefined };
  const body = parsed.output;
  const messages: string[] = [];
  if (typeof body.message === "string" && body.message) messages.push(body.message);
  if (Array.isArray(body.errors)) {
    for (const e of body.errors) {
      const m = (e as { message?: unknown } | null)?.message;
      if (typeof m === "string" && m) messages.push(m);
    }
  }
  return { messages, code: typeof body.code === "string" && body.code ? body.code : undefined };
}

/** A BestBuyError for an attempt that did not succeed. */
export function errorFrom(outcome: HttpOutcome, endpoint: string, orderId?: string): BestBuyError {
  const what = purpose(endpoint, orderId);
  if (outcome.kind === "no-answer") {
    return new BestBuyError({
      message: `Best Buy did not answer when asked to ${what} (${outcome.error}).`,
      status: null,
      code: "NO_ANSWER",
      endpoint,
      orderId,
    });
  }
  const { messages, code } = readErrorBody(outcome.text);
  const said = messages.length ? `: ${messages.join("; ")}` : "";
  const status = outcome.status;
  if (status === 401) {
    return new BestBuyError({
      message: `Best Buy refused the API key when asked to ${what} (401); check bestbuy.api_key (or BESTBUY_API_KEY).`,
      status,
      code: code ?? "UNAUTHORIZED",
      messages,
      endpoint,
      orderId,
    });
  }
  if (status === 429) {
    return new BestBuyError({
      message: `Best Buy kept asking shipdesk to slow down when asked to ${what} (429); try again in a few minutes.`,
      status,
      code: code ?? "RATE_LIMITED",
      messages,
      endpoint,
      orderId,
    });
  }
  const kind = status >= 500 ? "failed" : "refused";
  return new BestBuyError({
    message: `Best Buy ${kind} when asked to ${what} (${status})${said}.`,
    status,
    code: code ?? `HTTP_${status}`,
    messages,
    endpoint,
    orderId,
  });
}

export function malformedReply(endpoint: string, detail: string, orderId?: string): BestBuyError {
  return new BestBuyError({
    message: `Best Buy's reply when asked to ${purpose(endpoint, orderId)} could not be read: ${detail}.`,
    status: 200,
    code: "MALFORMED_REPLY",
    endpoint,
    orderId,
  });
}

/** No answer, a 5xx, or a 429 that outlasted the retries: the call may simply be repeated later. */
export const isTransient = (o: HttpOutcome): boolean =>
  o.kind === "no-answer" || o.status === 429 || o.status === 500 || o.status === 502 || o.status === 503 || o.status === 504;

export const isThrottled = (o: HttpOutcome): boolean => o.kind === "response" && o.status === 429;
