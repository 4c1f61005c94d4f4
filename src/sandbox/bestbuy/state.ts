import { CARRIERS } from "./places.ts";
import { SandboxRefusal, type BestBuySnapshot, type Json, type OrderRecord, type SandboxRules, type StateCall, type TrackingCall } from "./records.ts";
import { seededOrder, type OrderOverrides } from "./seed.ts";
import { checkDecisions, checkShippable, trackingFields } from "./transitions.ts";

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The sandbox's orders and what was done to them, shared by the Hono app and the tests.
 * Orders are kept as JSON, exactly as OR11 returns them, so a test can add one in any shape.
 */
export class BestBuySandboxState {
  private readonly records = new Map<string, OrderRecord>();
  /** Elements with no usable order_id, listed as they are. */
  private readonly unnamed: unknown[] = [];
  private readonly tracking = new Map<string, TrackingCall[]>();
  private readonly ships = new Map<string, StateCall[]>();
  private readonly accepts = new Map<string, StateCall[]>();
  private readonly counts = new Map<string, number>();
  private nextIndex = 0;

  constructor(
    readonly rules: SandboxRules,
    private readonly seedNumber: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ── Setting the scene (tests) ──────────────────────────────────────────────────────────

  /** A realistic Canadian order from the seed; overrides make the odd ones (bad postal code, …). */
  addSeededOrder(state = "SHIPPING", overrides: OrderOverrides = {}): Json {
    const index = this.nextIndex++;
    const json = seededOrder({ seed: this.seedNumber, index, state }, overrides);
    const record: OrderRecord = { json };
    if (state === "WAITING_ACCEPTANCE" || state === "STAGING") {
      const revealed: Json = seededOrder({ seed: this.seedNumber, index, state: "SHIPPING" }, overrides);
      record.hidden = { shipping: revealed.customer.shipping_address, billing: revealed.customer.billing_address };
    }
    this.put(record);
    return json;
  }

  /** Any JSON at all, listed as sent: a malformed order, one missing fields, one with no id. */
  addRawOrder(json: unknown): void {
    const id = (json as Json | null)?.order_id;
    if (typeof id === "string" && id !== "") this.put({ json: json as Json });
    else this.unnamed.push(json);
  }

  /** The customer or the operator cancelled it. */
  cancel(orderId: string): void {
    this.setState(orderId, "CANCELED");
    const order = this.require(orderId);
    order.can_cancel = false;
    order.can_shop_ship = false;
  }

  setState(orderId: string, state: string): void {
    const order = this.require(orderId);
    order.order_state = state;
    for (const line of order.order_lines ?? []) line.order_line_state = state;
    order.last_updated_date = iso(this.now());
  }

  // ── Reading (tests and the app) ────────────────────────────────────────────────────────

  order(orderId: string): Json | undefined {
    this.settleDebits();
    return this.records.get(orderId)?.json;
  }

  orderIds(state?: string): string[] {
    return this.list({ ids: [...this.records.keys()] })
      .filter((o) => !state || (o as Json).order_state === state)
      .map((o) => (o as Json).order_id as string);
  }

  trackingCalls(orderId: string): readonly TrackingCall[] {
    return this.tracking.get(orderId) ?? [];
  }

  shipCalls(orderId: string): readonly StateCall[] {
    return this.ships.get(orderId) ?? [];
  }

  acceptCalls(orderId: string): readonly StateCall[] {
    return this.accepts.get(orderId) ?? [];
  }

  /** Requests that reached an endpoint (after the key and rate checks), faults included. */
  requestCount(endpoint: string): number {
    return this.counts.get(endpoint) ?? 0;
  }

  countRequest(endpoint: string): void {
    this.counts.set(endpoint, this.requestCount(endpoint) + 1);
  }

  /** Sorted by creation date then id, Mirakl's default. Unnamed elements come last. */
  list(filter: { states?: readonly string[]; ids?: readonly string[] }): unknown[] {
    this.settleDebits();
    const states = filter.states?.length ? new Set(filter.states) : undefined;
    const ids = filter.ids?.length ? new Set(filter.ids) : undefined;
    const named = [...this.records.values()]
      .map((r) => r.json)
      .filter((o) => (!states || states.has(o.order_state)) && (!ids || ids.has(o.order_id)))
      .sort((a, b) => String(a.created_date ?? "").localeCompare(String(b.created_date ?? "")) || String(a.order_id).localeCompare(String(b.order_id)));
    return ids ? named : [...named, ...this.unnamed];
  }

  // ── Mirakl's state machine (the app) ───────────────────────────────────────────────────

  /** OR21. Throws a SandboxRefusal the app turns into Mirakl's error reply. */
  accept(orderId: string, decisions: ReadonlyArray<{ id: string; accepted: boolean }>): void {
    const record = this.records.get(orderId);
    const log = (status: number) => this.push(this.accepts, orderId, { at: this.now(), status, lines: decisions });
    try {
      if (!record) throw new SandboxRefusal(404, `Order with id '${orderId}' not found`, "ORDER_NOT_FOUND");
      const order = record.json;
      const acceptedCount = checkDecisions(order, orderId, decisions, this.rules);
      const now = this.now();
      order.acceptance_decision_date = iso(now);
      if (acceptedCount === 0) {
        this.setState(orderId, "REFUSED");
      } else {
        if (record.hidden) {
          order.customer = { ...order.customer, shipping_address: record.hidden.shipping, billing_address: record.hidden.billing };
          delete record.hidden;
        }
        for (const line of order.order_lines) {
          if (!decisions.find((d) => d.id === line.order_line_id)?.accepted) line.order_line_state = "REFUSED";
        }
        record.acceptedAt = now.getTime();
        this.moveAccepted(order, "WAITING_DEBIT_PAYMENT");
        this.settleDebits();
      }
      log(204);
    } catch (error) {
      if (error instanceof SandboxRefusal) log(error.status);
      throw error;
    }
  }

  /** OR23. */
  setTracking(orderId: string, body: { carrier_code?: string | null; carrier_name?: string | null; carrier_url?: string | null; tracking_number?: string | null }): void {
    this.settleDebits();
    const call = { at: this.now(), carrierCode: body.carrier_code ?? null, carrierName: body.carrier_name ?? null, trackingNumber: body.tracking_number ?? null };
    try {
      const order = this.records.get(orderId)?.json;
      if (!order) throw new SandboxRefusal(404, `Order with id '${orderId}' not found`);
      Object.assign(order, trackingFields(order, orderId, body, this.rules));
      order.last_updated_date = iso(this.now());
      this.push(this.tracking, orderId, { ...call, status: 204 });
    } catch (error) {
      if (error instanceof SandboxRefusal) this.push(this.tracking, orderId, { ...call, status: error.status });
      throw error;
    }
  }

  /** OR24. */
  ship(orderId: string): void {
    this.settleDebits();
    try {
      const order = this.records.get(orderId)?.json;
      if (!order) throw new SandboxRefusal(404, `Order with id '${orderId}' not found`);
      checkShippable(order, orderId, this.rules);
      const now = iso(this.now());
      order.order_state = "SHIPPED";
      order.can_cancel = false;
      order.can_shop_ship = false;
      order.last_updated_date = now;
      for (const line of order.order_lines ?? []) {
        if (line.order_line_state !== "SHIPPING") continue;
        line.order_line_state = "SHIPPED";
        line.shipped_date = now;
        line.last_updated_date = now;
      }
      this.push(this.ships, orderId, { at: this.now(), status: 204 });
    } catch (error) {
      if (error instanceof SandboxRefusal) this.push(this.ships, orderId, { at: this.now(), status: error.status });
      throw error;
    }
  }

  carriers() {
    return CARRIERS.map((c) => ({ ...c }));
  }

  // ── Kept between runs (the in-process sandbox of sandbox mode) ─────────────────────────

  /** The orders as they stand and what was done to them (JSON: dates as ISO strings). */
  snapshot(): BestBuySnapshot {
    return {
      version: 1,
      nextIndex: this.nextIndex,
      records: [...this.records.values()],
      unnamed: [...this.unnamed],
      tracking: [...this.tracking],
      ships: [...this.ships],
      accepts: [...this.accepts],
      counts: [...this.counts],
    };
  }

  restore(data: BestBuySnapshot): void {
    const dated = <T extends { at: Date }>(list: T[]) => list.map((x) => ({ ...x, at: new Date(x.at) }));
    const refill = <T extends { at: Date }>(map: Map<string, T[]>, entries: [string, T[]][]) => {
      map.clear();
      for (const [id, list] of entries) map.set(id, dated(list));
    };
    this.nextIndex = data.nextIndex;
    this.records.clear();
    for (const r of data.records) this.put(r);
    this.unnamed.length = 0;
    this.unnamed.push(...data.unnamed);
    refill(this.tracking, data.tracking);
    refill(this.ships, data.ships);
    refill(this.accepts, data.accepts);
    this.counts.clear();
    for (const [endpoint, n] of data.counts) this.counts.set(endpoint, n);
  }

  // ── Inside ─────────────────────────────────────────────────────────────────────────────

  /** Payment is captured some time after acceptance; then the order can ship. */
  private settleDebits(): void {
    const now = this.now().getTime();
    for (const record of this.records.values()) {
      if (record.acceptedAt === undefined || record.json.order_state !== "WAITING_DEBIT_PAYMENT") continue;
      if (now - record.acceptedAt < this.rules.debitDelayMs) continue;
      this.moveAccepted(record.json, "SHIPPING");
      record.json.customer_debited_date = iso(this.now());
      record.json.can_shop_ship = true;
    }
  }

  private moveAccepted(order: Json, state: string): void {
    order.order_state = state;
    for (const line of order.order_lines ?? []) if (line.order_line_state !== "REFUSED") line.order_line_state = state;
    order.last_updated_date = iso(this.now());
  }

  private put(record: OrderRecord): void {
    this.records.set(record.json.order_id, record);
  }

  private require(orderId: string): Json {
    const record = this.records.get(orderId);
    if (!record) throw new Error(`the Best Buy sandbox has no order ${orderId}`);
    return record.json;
  }

  private push<T>(map: Map<string, T[]>, orderId: string, entry: T): void {
    const list = map.get(orderId) ?? [];
    list.push(entry);
    map.set(orderId, list);
  }
}
