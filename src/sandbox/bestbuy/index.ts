export { createBestBuySandbox, startBestBuySandbox, type BestBuySandbox, type BestBuySandboxOptions, type RunningBestBuySandbox } from "./sandbox.ts";
export { BestBuySandboxState } from "./state.ts";
export { SandboxRefusal, type SandboxRules, type StateCall, type TrackingCall } from "./records.ts";
export { seededOrder, seededOrderSpec, type OrderOverrides } from "./seed.ts";
export { buildOrder, type OrderSpec, type SandboxAddress } from "./order-json.ts";
