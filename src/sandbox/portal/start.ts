import { serveOnLoopback } from "../serve.ts";
import type { RunningCanadaPostSandbox } from "../canadapost/start.ts";
import { createPortalSandbox, PORTAL_ROOT, type PortalSandboxOptions, type SeenRequest } from "./app.ts";

export interface RunningPortalSandbox extends RunningCanadaPostSandbox {
  requests: SeenRequest[];
  expireTokens(): void;
  issuedTokens(): string[];
}

/** The portal sandbox on a loopback port (0: any free one); its url is the gateway root, as live. */
export function startPortalSandbox(options: PortalSandboxOptions & { port?: number } = {}): RunningPortalSandbox {
  const s = createPortalSandbox(options);
  const server = serveOnLoopback(s.app, options.port ?? 0, () => s.faults.releaseHangs());
  return { url: `${server.url}${PORTAL_ROOT}`, stop: () => server.stop(), state: s.state, faults: s.faults, requests: s.requests, expireTokens: s.expireTokens, issuedTokens: s.issuedTokens, save: s.save };
}
