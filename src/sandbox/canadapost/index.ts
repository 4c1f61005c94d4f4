export { createCanadaPostSandbox, type CanadaPostSandbox, type CanadaPostSandboxOptions } from "./app.ts";
export { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "./start.ts";
export { CanadaPostSandboxState, type SandboxShipment, type SandboxManifest, type SandboxRefund } from "./state.ts";
