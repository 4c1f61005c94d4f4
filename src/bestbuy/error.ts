/**
 * Why a Best Buy call did not do what was asked. It carries what the clerk's one sentence
 * needs (`message`) and what code needs to decide (`status`, `code`). It is a value inside a
 * `BestBuyOutcome`, not something thrown: a refusal or an outage is an expected answer.
 */
export class BestBuyError extends Error {
  override readonly name = "BestBuyError";
  /** HTTP status, or null when no answer came. */
  readonly status: number | null;
  /**
   * Mirakl's error code when its body had one; otherwise ours: `HTTP_<status>`, `UNAUTHORIZED`,
   * `RATE_LIMITED`, `NO_ANSWER`, `MALFORMED_REPLY`, `INVALID_STATE` (found by reading the order back).
   */
  readonly code: string;
  /** Every message Mirakl gave, in its words. */
  readonly messages: readonly string[];
  readonly endpoint: string;
  readonly orderId: string | undefined;
  /** The order's state at Best Buy when it was read back to decide, if it was. */
  readonly orderState: string | undefined;

  constructor(init: {
    message: string;
    status: number | null;
    code: string;
    messages?: readonly string[];
    endpoint: string;
    orderId?: string | undefined;
    orderState?: string | undefined;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.messages = init.messages ?? [];
    this.endpoint = init.endpoint;
    this.orderId = init.orderId;
    this.orderState = init.orderState;
  }
}
