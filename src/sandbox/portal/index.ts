export { createPortalSandbox, type PortalSandbox, type PortalSandboxOptions, type SeenRequest } from "./app.ts";
export { startPortalSandbox, type RunningPortalSandbox } from "./start.ts";
