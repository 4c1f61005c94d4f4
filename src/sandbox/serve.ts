import type { Hono } from "hono";

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Serves a Hono app on a loopback port (0: any free port). Loopback only, always. */
export function serveOnLoopback(app: Hono<any>, port = 0, onStop?: () => void): RunningServer {
  const server = Bun.serve({ hostname: "127.0.0.1", port, fetch: app.fetch, idleTimeout: 0 });
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port!,
    async stop() {
      onStop?.();
      await server.stop(true);
    },
  };
}
