import type { BestBuyOutcome } from "./outcome.ts";
import type { Carrier, MiraklOrder } from "./schema.ts";

/** Mirakl order states shipdesk acts on. Others exist and new ones may appear: states are strings. */
export const ORDER_STATES = {
  waitingAcceptance: "WAITING_ACCEPTANCE",
  shipping: "SHIPPING",
  shipped: "SHIPPED",
  closed: "CLOSED",
  canceled: "CANCELED",
  refused: "REFUSED",
} as const;

/** States an order reaches only once it was shipped. */
export const SHIPPED_STATES: ReadonlySet<string> = new Set(["SHIPPED", "TO_COLLECT", "RECEIVED", "CLOSED"]);
/** States an accepted order passes through (debit, then shipping, then shipped…). */
export const ACCEPTED_STATES: ReadonlySet<string> = new Set([
  "WAITING_DEBIT",
  "WAITING_DEBIT_PAYMENT",
  "SHIPPING",
  ...SHIPPED_STATES,
]);

export interface OrderQuery {
  /** `order_state_codes`. */
  states?: readonly string[];
  /** `order_ids`; any number (sent 100 at a time). */
  orderIds?: readonly string[];
}

/** An order in the list that could not be read as an order; the others are not held back by it. */
export interface MalformedOrder {
  /** Undefined when even the order id is missing or not text. */
  orderId: string | undefined;
  /** `order_state` when it is text. */
  state: string | undefined;
  /** In words: "order_lines[0].quantity is "two", expected a number". */
  problem: string;
  /** The element exactly as Best Buy sent it. */
  raw: unknown;
}

export interface OrderList {
  /** Every page, in Best Buy's order, each order once. Unknown fields are kept (the order as sent). */
  orders: MiraklOrder[];
  malformed: MalformedOrder[];
}

/** How a state change was confirmed: by Best Buy's reply, or by reading the order back. */
export interface StateChange {
  confirmedBy: "reply" | "read-back";
  /** The order's state, when known (always known after a read-back). */
  state: string | undefined;
}

/**
 * Best Buy as the workflows see it. Every method answers with a `BestBuyOutcome`; none
 * throws for anything Best Buy can do. Each call is recorded in `api_calls`.
 */
export interface Marketplace {
  /** OR11, every page (`max` 100, `offset` until `total_count`). */
  listOrders(query: OrderQuery): Promise<BestBuyOutcome<OrderList>>;
  /** OR11 for one order; `undefined` when Best Buy does not know it. A malformed order is a failure. */
  getOrder(orderId: string): Promise<BestBuyOutcome<MiraklOrder | undefined>>;
  /**
   * OR21, accepting every given line. After a lost reply or a 400 the order is read back:
   * already accepted (or further along) is `ok`.
   */
  acceptOrder(orderId: string, lineIds: readonly string[]): Promise<BestBuyOutcome<StateChange>>;
  /**
   * OR23 with the carrier code from the settings (CPCL unless set). An overwrite: retried on
   * 5xx and no answer. A 400 is checked by reading the order back: already carrying this
   * tracking number is `ok`.
   */
  updateTracking(orderId: string, trackingNumber: string): Promise<BestBuyOutcome<StateChange>>;
  /**
   * OR24. After a lost reply, a 5xx or a 400, the order is read back: SHIPPED (or later) is
   * `ok` with `confirmedBy: "read-back"`; still SHIPPING after no answer is sent once more.
   */
  shipOrder(orderId: string): Promise<BestBuyOutcome<StateChange>>;
  /** SH21. */
  listCarriers(): Promise<BestBuyOutcome<Carrier[]>>;
}
