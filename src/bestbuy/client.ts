import * as v from "valibot";
import type { BestBuySettings } from "../config/index.ts";
import { isSuccess as isSuccessGuard, type HttpClient, type HttpOutcome, type RetryPolicy } from "../http/index.ts";
import { BestBuyError } from "./error.ts";
import { errorFrom, isThrottled, isTransient, malformedReply } from "./failure.ts";
import {
  ACCEPTED_STATES,
  SHIPPED_STATES,
  type Marketplace,
  type OrderList,
  type OrderQuery,
  type StateChange,
} from "./marketplace.ts";
import { ok, type BestBuyOutcome } from "./outcome.ts";
import { mergeOrderLists, readOrders } from "./read-orders.ts";
import { CarrierListSchema, OrderListSchema, type Carrier, type MiraklOrder } from "./schema.ts";

export interface BestBuyClientOptions {
  http: HttpClient;
  /** e.g. https://marketplace.bestbuy.ca (the client adds /api/…). */
  baseUrl: string;
  apiKey: string;
  shopId?: string | undefined;
  /** OR23 carrier_code; Canada Post is CPCL at Best Buy Canada. */
  carrierCode?: string;
  timeoutMs?: number;
  /** Attempts for reads and OR23 (5xx, no answer, 429), and for 429 on OR21/OR24. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** OR11 page size; Mirakl's ceiling is 100. */
  pageSize?: number;
  /** Times OR21/OR24 are sent when a read-back shows the first did not happen. */
  stateChangeSends?: number;
}

interface Call {
  endpoint: "ListOrders" | "AcceptOrder" | "UpdateTracking" | "ShipOrder" | "ListCarriers";
  method: "GET" | "PUT";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  orderId?: string | undefined;
  retry: RetryPolicy;
}

type ReadBack = { kind: "found"; state: string; order: MiraklOrder | undefined } | { kind: "missing" } | { kind: "failed"; error: BestBuyError };

const MAX_IDS_PER_CALL = 100;

/** The Mirakl seller API (OR11, OR21, OR23, OR24, SH21) over shipdesk's audited HTTP client. */
export class BestBuyClient implements Marketplace {
  private readonly http: HttpClient;
  private readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly shopId: string | undefined;
  private readonly carrierCode: string;
  private readonly timeoutMs: number;
  private readonly pageSize: number;
  private readonly stateChangeSends: number;
  private readonly safeToRepeat: RetryPolicy;
  private readonly onlyThrottle: RetryPolicy;

  constructor(options: BestBuyClientOptions) {
    this.http = options.http;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.apiKey = options.apiKey;
    this.shopId = options.shopId || undefined;
    this.carrierCode = options.carrierCode || "CPCL";
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
    this.stateChangeSends = Math.max(1, options.stateChangeSends ?? 2);
    const timing = { attempts: options.attempts ?? 4, baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 10_000 };
    this.safeToRepeat = { ...timing, retryOn: isTransient };
    // A 429 means the request was not processed, so even a state change may be sent again.
    this.onlyThrottle = { ...timing, retryOn: isThrottled };
  }

  async listOrders(query: OrderQuery): Promise<BestBuyOutcome<OrderList>> {
    const ids = query.orderIds ? [...new Set(query.orderIds)] : undefined;
    if (ids && ids.length === 0) return ok({ orders: [], malformed: [] });
    const batches = ids ? chunk(ids, MAX_IDS_PER_CALL) : [undefined];
    const lists: OrderList[] = [];
    for (const batch of batches) {
      const listed = await this.listAllPages(query.states, batch);
      if (listed.kind !== "ok") return listed;
      lists.push(listed.value);
    }
    return ok(mergeOrderLists(lists));
  }

  async getOrder(orderId: string): Promise<BestBuyOutcome<MiraklOrder | undefined>> {
    const listed = await this.listOrders({ orderIds: [orderId] });
    if (listed.kind !== "ok") return listed;
    const bad = listed.value.malformed.find((m) => m.orderId === orderId);
    if (bad) return { kind: "unavailable", error: malformedReply("ListOrders", bad.problem, orderId) };
    return ok(listed.value.orders.find((o) => o.order_id === orderId));
  }

  async acceptOrder(orderId: string, lineIds: readonly string[]): Promise<BestBuyOutcome<StateChange>> {
    const body = { order_lines: lineIds.map((id) => ({ accepted: true, id })) };
    return this.changeState(orderId, {
      endpoint: "AcceptOrder",
      method: "PUT",
      path: `/api/orders/${encodeURIComponent(orderId)}/accept`,
      body,
      orderId,
      retry: this.onlyThrottle,
    }, ACCEPTED_STATES, "WAITING_ACCEPTANCE");
  }

  async shipOrder(orderId: string): Promise<BestBuyOutcome<StateChange>> {
    return this.changeState(orderId, {
      endpoint: "ShipOrder",
      method: "PUT",
      path: `/api/orders/${encodeURIComponent(orderId)}/ship`,
      orderId,
      retry: this.onlyThrottle,
    }, SHIPPED_STATES, "SHIPPING");
  }

  async updateTracking(orderId: string, trackingNumber: string): Promise<BestBuyOutcome<StateChange>> {
    const outcome = await this.send({
      endpoint: "UpdateTracking",
      method: "PUT",
      path: `/api/orders/${encodeURIComponent(orderId)}/tracking`,
      body: { carrier_code: this.carrierCode, tracking_number: trackingNumber },
      orderId,
      retry: this.safeToRepeat,
    });
    if (isSuccess(outcome)) return ok({ confirmedBy: "reply", state: undefined });
    const error = errorFrom(outcome, "UpdateTracking", orderId);
    if (isTransient(outcome)) return { kind: "unavailable", error };
    if (outcome.kind === "response" && outcome.status === 400) {
      // Best Buy may refuse a repeat once the order has moved on; if it already carries this
      // number, the tracking is there and that is what was asked.
      const back = await this.readBack(orderId);
      if (back.kind === "failed") return { kind: "unknown", error };
      if (back.kind === "found" && back.order?.shipping_tracking === trackingNumber) {
        return ok({ confirmedBy: "read-back", state: back.state });
      }
      return { kind: "rejected", error: withState(error, back) };
    }
    return { kind: "rejected", error };
  }

  async listCarriers(): Promise<BestBuyOutcome<Carrier[]>> {
    const outcome = await this.send({ endpoint: "ListCarriers", method: "GET", path: "/api/shipping/carriers", retry: this.safeToRepeat });
    if (!isSuccess(outcome)) return this.readFailure(outcome, "ListCarriers");
    const parsed = v.safeParse(CarrierListSchema, parseJson(textOf(outcome)));
    if (!parsed.success) return { kind: "unavailable", error: malformedReply("ListCarriers", "it is not a list of carriers") };
    return ok(parsed.output.carriers);
  }

  /**
   * OR21 and OR24 change the order's state and Mirakl has no idempotency key: when the answer
   * is not a clear yes, the order is read back and its state decides. Sent again only when the
   * read-back shows the order still waiting for the change and the earlier call got no answer.
   */
  private async changeState(
    orderId: string,
    call: Call,
    doneStates: ReadonlySet<string>,
    fromState: string,
  ): Promise<BestBuyOutcome<StateChange>> {
    let error: BestBuyError | undefined;
    for (let send = 1; send <= this.stateChangeSends; send++) {
      const outcome = await this.send(call);
      if (isSuccess(outcome)) return ok({ confirmedBy: "reply", state: undefined });
      error = errorFrom(outcome, call.endpoint, orderId);
      if (isThrottled(outcome)) return { kind: "unavailable", error };
      const unclear = outcome.kind === "no-answer" || outcome.status >= 500;
      if (!unclear && outcome.status !== 400) return { kind: "rejected", error };
      const back = await this.readBack(orderId);
      if (back.kind === "failed") return { kind: "unknown", error };
      if (back.kind === "missing") return { kind: "rejected", error: withState(error, back) };
      if (doneStates.has(back.state)) return ok({ confirmedBy: "read-back", state: back.state });
      if (back.state !== fromState || !unclear) return { kind: "rejected", error: withState(error, back) };
      // Still waiting and the call got no answer: it did not happen, so it may be sent again.
    }
    return { kind: "unavailable", error: error! };
  }

  private async readBack(orderId: string): Promise<ReadBack> {
    const listed = await this.listOrders({ orderIds: [orderId] });
    if (listed.kind !== "ok") return { kind: "failed", error: listed.error };
    const order = listed.value.orders.find((o) => o.order_id === orderId);
    if (order) return { kind: "found", state: order.order_state, order };
    const bad = listed.value.malformed.find((m) => m.orderId === orderId);
    if (bad?.state) return { kind: "found", state: bad.state, order: undefined };
    if (bad) return { kind: "failed", error: malformedReply("ListOrders", bad.problem, orderId) };
    return { kind: "missing" };
  }

  private async listAllPages(states: readonly string[] | undefined, ids: string[] | undefined): Promise<BestBuyOutcome<OrderList>> {
    const pages: OrderList[] = [];
    const relatedId = ids?.length === 1 ? ids[0] : undefined;
    for (let offset = 0; ; offset += this.pageSize) {
      const query: Record<string, string> = { max: String(this.pageSize), offset: String(offset) };
      if (states?.length) query.order_state_codes = states.join(",");
      if (ids?.length) query.order_ids = ids.join(",");
      const outcome = await this.send({ endpoint: "ListOrders", method: "GET", path: "/api/orders", query, orderId: relatedId, retry: this.safeToRepeat });
      if (!isSuccess(outcome)) return this.readFailure(outcome, "ListOrders", relatedId);
      const parsed = v.safeParse(OrderListSchema, parseJson(textOf(outcome)));
      if (!parsed.success) {
        return { kind: "unavailable", error: malformedReply("ListOrders", "it is not a list of orders with a total_count", relatedId) };
      }
      pages.push(readOrders(parsed.output.orders));
      const received = parsed.output.orders.length;
      if (received === 0 || offset + received >= parsed.output.total_count) break;
    }
    return ok(mergeOrderLists(pages));
  }

  private readFailure<T>(outcome: HttpOutcome, endpoint: string, orderId?: string): BestBuyOutcome<T> {
    const error = errorFrom(outcome, endpoint, orderId);
    return isTransient(outcome) ? { kind: "unavailable", error } : { kind: "rejected", error };
  }

  private send(call: Call): Promise<HttpOutcome> {
    const query = new URLSearchParams(call.query);
    if (this.shopId) query.set("shop_id", this.shopId);
    const search = query.toString();
    const headers: Record<string, string> = { Authorization: this.apiKey, Accept: "application/json" };
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    return this.http.send({
      service: "BestBuy",
      endpoint: call.endpoint,
      relatedId: call.orderId,
      method: call.method,
      url: `${this.baseUrl}${call.path}${search ? `?${search}` : ""}`,
      headers,
      // OR24 has no body; an empty one keeps proxies that insist on a length happy.
      body: call.body === undefined ? (call.method === "PUT" ? "" : undefined) : JSON.stringify(call.body),
      auditPayload: call.body ?? {},
      timeoutMs: this.timeoutMs,
      retry: call.retry,
      secrets: [this.apiKey],
    });
  }
}

/** The client the program uses, from the settings. The base URL must be set (sandbox: its URL). */
export function bestBuyClientFromSettings(
  settings: BestBuySettings,
  http: HttpClient,
  overrides: Partial<Omit<BestBuyClientOptions, "http">> = {},
): BestBuyClient {
  const baseUrl = overrides.baseUrl ?? settings.baseUrl;
  if (!baseUrl) throw new Error("bestBuyClientFromSettings needs a base URL: start the Best Buy sandbox first in sandbox mode");
  return new BestBuyClient({
    http,
    baseUrl,
    apiKey: settings.apiKey,
    shopId: settings.shopId,
    carrierCode: settings.carrierCode,
    timeoutMs: settings.timeoutMs,
    ...overrides,
  });
}

function withState(error: BestBuyError, back: ReadBack): BestBuyError {
  const state = back.kind === "found" ? back.state : undefined;
  const where = back.kind === "missing" ? "Best Buy does not know the order" : `the order is ${state} at Best Buy`;
  return new BestBuyError({
    message: `${error.message.replace(/\.$/, "")} (${where}).`,
    status: error.status,
    code: back.kind === "missing" ? "ORDER_NOT_FOUND" : error.status === 400 ? error.code : "INVALID_STATE",
    messages: error.messages,
    endpoint: error.endpoint,
    orderId: error.orderId,
    orderState: state,
  });
}

/**
 * `isSuccess` from src/http is a type guard whose false branch would also exclude every
 * non-2xx response; a plain boolean keeps the outcome's type for the error paths.
 */
const isSuccess = (o: HttpOutcome): boolean => isSuccessGuard(o);

const textOf = (o: HttpOutcome): string => (o.kind === "response" ? o.text : "");

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
