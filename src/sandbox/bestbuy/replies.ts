import { droppedReply, type FaultPlan } from "../faults.ts";

/** Mirakl's error body: a human-readable message and the status (see the reference, §7). */
export function miraklError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ message, status }), {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", ...headers },
  });
}

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json;charset=UTF-8" } });

export const noContent = (): Response => new Response(null, { status: 204 });

/**
 * Runs `work` unless the test queued a fault for this endpoint, in the same terms as the
 * Canada Post sandbox: latency first, then the next queued fault.
 */
export async function withFaults(faults: FaultPlan, endpoint: string, work: () => Response | Promise<Response>): Promise<Response> {
  const latency = faults.latencyFor(endpoint);
  if (latency > 0) await Bun.sleep(latency);
  const fault = faults.take(endpoint);
  switch (fault?.kind) {
    case undefined:
      return work();
    case "delay":
      await Bun.sleep(fault.ms);
      return work();
    case "status":
      if (fault.body !== undefined) {
        return new Response(fault.body, { status: fault.status, headers: { "content-type": fault.contentType ?? "application/json", ...fault.headers } });
      }
      return miraklError(fault.status, fault.status >= 500 ? "Internal server error" : "Bad request", fault.headers);
    case "throttle":
      return miraklError(429, "Too many requests", { "retry-after": String(fault.retryAfterSeconds ?? 1) });
    case "hang":
      await faults.hang();
      return miraklError(503, "The sandbox stopped");
    case "reset":
      return droppedReply("application/json");
    case "malformed":
      return new Response('{"orders": [{"order_id": "', { status: 200, headers: { "content-type": "application/json" } });
    case "lose-reply":
      await work();
      return droppedReply("application/json");
  }
}

/**
 * Mirakl throttles per API with 429 and Retry-After in seconds. A rolling window per endpoint;
 * off unless configured.
 */
export class SandboxRateLimit {
  private readonly stamps = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number, private readonly now: () => number = () => Date.now()) {}

  /** Seconds to wait, or undefined when the call may go ahead (and is counted). */
  check(endpoint: string): number | undefined {
    const now = this.now();
    const list = (this.stamps.get(endpoint) ?? []).filter((t) => now - t < this.windowMs);
    this.stamps.set(endpoint, list);
    if (list.length >= this.limit) return Math.max(1, Math.ceil((this.windowMs - (now - list[0]!)) / 1000));
    list.push(now);
    return undefined;
  }
}
