// The sandbox Canada Post: one post office behind both APIs, each speaking its own wire format.
export { createCanadaPostSandbox, type CanadaPostSandbox, type CanadaPostSandboxOptions } from "./xml/app.ts";
export { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "./xml/start.ts";
export { createPortalSandbox, type PortalSandbox, type PortalSandboxOptions, type SeenRequest } from "./portal/app.ts";
export { startPortalSandbox, type RunningPortalSandbox } from "./portal/start.ts";
export { PORTAL_ROOT } from "./portal/parts.ts";
export { CanadaPostSandboxState, type SandboxShipment, type SandboxManifest, type SandboxRefund } from "./state.ts";
