export { BestBuyClient, bestBuyClientFromSettings, type BestBuyClientOptions } from "./client.ts";
export { BestBuyError } from "./error.ts";
export { ok, type BestBuyOutcome, type BestBuyFailure } from "./outcome.ts";
export {
  ACCEPTED_STATES,
  ORDER_STATES,
  SHIPPED_STATES,
  type Marketplace,
  type MalformedOrder,
  type OrderList,
  type OrderQuery,
  type StateChange,
} from "./marketplace.ts";
export type { Carrier, MiraklAddress, MiraklOrder, MiraklOrderLine } from "./schema.ts";
