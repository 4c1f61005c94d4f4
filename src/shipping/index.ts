export { runShipping, retryFailedLabels, refetchLabel, shippableOrders, orderToPrice, type ShipOptions, type ShippableOrder, type RetryResult } from "./workflow.ts";
export type { ShippingDeps, Checkpoint } from "./deps.ts";
export { emptySummary, needsPerson, type ShippingEvent, type ShippingSummary } from "./events.ts";
export { customerRequestId } from "./request-id.ts";
export { parcelFor, type ParcelChoice } from "./parcel.ts";
export { purchaseCheck, checkBeforeBuying, settingsServices, orderServices, type PurchaseCheck, type NamedService } from "./before-buying.ts";
