export { createPrintApp, type PrintApp } from "./app.tsx";
export { startPrintServer, type PrintServer, type PrintServerOptions } from "./start.ts";
export type { BuyAgain, PrintDeps, RefetchLabel, RefetchResult, SaveProof } from "./deps.ts";
export { recordRefetchedLabel } from "./labels-store.ts";
export { mergeLabels } from "./merge.ts";
