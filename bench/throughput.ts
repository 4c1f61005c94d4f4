// Issue 9 §1: a batch through ship + track against sandboxes with realistic latency and Canada
// Post's throttle, with a client RateLimiter set to the same limit; and the serial baseline.
import { runBatch, startSandboxes } from "./children.ts";
import type { Latency } from "./plan.ts";

/** Canada Post's published limit for Create Shipment + Get Artifact (rolling window). */
export const CANADA_POST_LIMIT = { perMinute: 646, windowMs: 60_000 };
export const LATENCY: Latency = { createMs: 300, labelMs: 150, bestBuyMs: 150 };

export interface ThroughputRun {
  orders: number;
  concurrency: number;
  limit: number;
  windowMs: number;
  wallMs: number;
  shipMs: number;
  trackMs: number;
  /** The rate-limit bound: 2 limited calls per order at `limit` per `windowMs`. */
  boundMs: number;
  throttled: number;
  labels: number;
  tracked: number;
  twoLabels: number;
}

/** `scale` divides the limit and the window alike (the rate stays 646 a minute). */
export async function throughput(orders: number, concurrency: number, scale: number): Promise<ThroughputRun> {
  const limit = Math.round(CANADA_POST_LIMIT.perMinute / scale);
  const windowMs = CANADA_POST_LIMIT.windowMs / scale;
  const sandboxes = await startSandboxes({ orders, latency: LATENCY, rateLimit: { perMinute: limit, windowMs } });
  try {
    // Concurrency 1 is the seed's serial loop: labels, then tracking, one order at a time.
    const r = await runBatch({ database: "server", ...sandboxes.urls, concurrency, rateLimit: { limit, windowMs }, sequential: concurrency === 1 });
    const s = await sandboxes.stats();
    return {
      orders,
      concurrency,
      limit,
      windowMs,
      wallMs: r.wallMs,
      shipMs: r.shipMs,
      trackMs: r.trackMs,
      boundMs: ((2 * orders) / limit) * windowMs,
      throttled: s.throttled,
      labels: s.labels,
      tracked: r.shipped,
      twoLabels: s.ordersWithTwoLabels,
    };
  } finally {
    await sandboxes.stop();
  }
}

if (import.meta.main) {
  const [orders = "500", concurrency = "4", scale = "1"] = process.argv.slice(2);
  console.log(await throughput(Number(orders), Number(concurrency), Number(scale)));
}
