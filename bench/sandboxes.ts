// A child process that runs both sandboxes, so the batch process's CPU time and memory are
// shipdesk's own and not the sandboxes' (they would share one event loop otherwise).
// argv[2]: JSON SandboxPlan. Prints one JSON line with the URLs; then answers "stats" on stdin
// with one JSON line; exits when stdin closes.
import { startBestBuySandbox } from "../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox } from "../src/sandbox/canadapost/index.ts";
import type { SandboxPlan, SandboxStats } from "./plan.ts";

const plan = JSON.parse(process.argv[2] ?? "{}") as SandboxPlan;
const cp = startCanadaPostSandbox(plan.rateLimit ? { rateLimit: plan.rateLimit } : {});
const bb = startBestBuySandbox({ seed: plan.seed ?? 9, orders: plan.orders });
cp.faults.setLatency("CreateShipment", plan.latency.createMs).setLatency("GetArtifact", plan.latency.labelMs);
bb.faults.setLatency("*", plan.latency.bestBuyMs);

function stats(): SandboxStats {
  const s = cp.state;
  // No faults are injected, so every Create Shipment or Get Artifact request that did not buy a
  // label or return a PDF was the throttle's "Rejected by SLM Monitor".
  const rejected = s.callsTo("CreateShipment") - s.createCount + (s.callsTo("GetArtifact") - s.artifactDownloads);
  const perOrder = new Map<string, number>();
  for (const sh of s.shipments.values()) if (sh.orderId) perOrder.set(sh.orderId, (perOrder.get(sh.orderId) ?? 0) + 1);
  return {
    labels: s.createCount,
    downloads: s.artifactDownloads,
    throttled: rejected,
    ordersWithTwoLabels: [...perOrder.values()].filter((n) => n > 1).length,
  };
}

console.log(JSON.stringify({ canadaPost: cp.url, bestBuy: bb.url }));
for await (const line of console) {
  if (line.trim() === "stats") console.log(JSON.stringify(stats()));
}
await cp.stop();
await bb.stop();
process.exit(0);
