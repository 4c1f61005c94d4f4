export { runShipping, retryFailedLabels, refetchLabel, shippableOrders, ordersToBuyAgain, orderToPrice, type ShipOptions, type ShippableOrder, type RetryResult, type RetryOptions } from "./workflow.ts";
export type { ShippingDeps, Checkpoint } from "./deps.ts";
export { emptySummary, mergeSummaries, needsPerson, type ShippingEvent, type ShippingSummary } from "./events.ts";
export { customerRequestId } from "./request-id.ts";
export { parcelFor, type ParcelChoice } from "./parcel.ts";
export { purchaseCheck, checkBeforeBuying, settingsServices, orderServices, type PurchaseCheck, type NamedService } from "./before-buying.ts";
