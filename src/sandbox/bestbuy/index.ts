export { createBestBuySandbox, startBestBuySandbox, type BestBuySandbox, type BestBuySandboxOptions, type RunningBestBuySandbox } from "./sandbox.ts";
export { BestBuySandboxState, SandboxRefusal, type SandboxRules, type StateCall, type TrackingCall } from "./state.ts";
export { seededOrder, seededOrderSpec, type OrderOverrides } from "./seed.ts";
export { buildOrder, type OrderSpec, type SandboxAddress } from "./order-json.ts";
