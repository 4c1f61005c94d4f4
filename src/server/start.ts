import type { PrintDeps } from "./deps.ts";
import { createPrintApp } from "./app.tsx";

export interface PrintServerOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Loopback unless someone deliberately opens it to the network. */
  hostname?: string;
}

export interface PrintServer {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  url: string;
  port: number;
  hostname: string;
  stop(): Promise<void>;
}

export function startPrintServer(deps: PrintDeps, options: PrintServerOptions = {}): PrintServer {
  const hostname = options.hostname ?? "127.0.0.1";
  const app = createPrintApp(deps);
  // idleTimeout 0: a merged PDF of a big batch may take longer than Bun's default 10 s.
  const server = Bun.serve({ hostname, port: options.port ?? 0, fetch: app.fetch, idleTimeout: 0 });
  const port = server.port!;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname === "0.0.0.0" ? "127.0.0.1" : hostname;
  return {
    url: `http://${host}:${port}`,
    port,
    hostname,
    async stop() {
      await server.stop(true);
    },
  };
}
