export { syncOrders, type SyncOptions } from "./sync.ts";
export { emptySummary, type SyncEvent, type SyncProblem, type SyncSummary } from "./summary.ts";
export { readOrderFields, readShipTo, readOrderLines, orderProblems, type OrderFields, type OrderLineSummary } from "./extract.ts";
export { setOrderService, type ServiceChange } from "./service.ts";
export { holdOrder, releaseOrder, type HoldChange } from "./hold.ts";
