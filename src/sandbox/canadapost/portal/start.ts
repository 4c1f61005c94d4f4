import { serveOnLoopback } from "../../serve.ts";
import type { RunningCanadaPostSandbox } from "../xml/start.ts";
import { createPortalSandbox, type PortalSandboxOptions, type SeenRequest } from "./app.ts";
import { PORTAL_ROOT } from "./parts.ts";

export interface RunningPortalSandbox extends RunningCanadaPostSandbox {
  requests: SeenRequest[];
  expireTokens(): void;
  issuedTokens(): string[];
}

/** The portal sandbox on a loopback port (0: any free one); its url is the gateway root, as live. */
export function startPortalSandbox(options: PortalSandboxOptions & { port?: number } = {}): RunningPortalSandbox {
  const s = createPortalSandbox(options);
  const server = serveOnLoopback(s.app, options.port ?? 0, () => s.faults.releaseHangs());
  return { url: `${server.url}${PORTAL_ROOT}`, stop: () => server.stop(), state: s.state, faults: s.faults, tracking: s.tracking, requests: s.requests, expireTokens: s.expireTokens, issuedTokens: s.issuedTokens, save: s.save };
}
