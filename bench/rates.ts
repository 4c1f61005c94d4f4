// Issue 16's benchmark: what asking Get Rates costs before each label, beside the label itself.
// The same 40 orders, the same sandbox latencies as the throughput bench (Create Shipment 300 ms,
// label 150 ms) and Get Rates at 150 ms: once priced (canadapost.service = "cheapest_on_time"),
// once with a fixed service (no Get Rates). The figure is the rates step's time per order as a
// ratio to the label's own time per order.
import { runShipping } from "../src/shipping/index.ts";
import { priceOrders } from "../src/rates/index.ts";
import { orderToPrice, shippableOrders } from "../src/shipping/index.ts";
import { startCanadaPostSandbox } from "../src/sandbox/canadapost/index.ts";
import { freshServerDatabase, tempDir } from "../test/support/database.ts";
import { insertOrders, testOrder } from "../test/support/orders.ts";
import { sandboxSettings, shippingDeps } from "../test/support/shipping.ts";
import { ms, times, type Row } from "./report.ts";

export interface RatesBench {
  orders: number;
  /** priceOrders alone, the step that runs before buying. */
  ratesMs: number;
  /** The labels with a fixed service: claim, Create Shipment, download, save. */
  labelsMs: number;
  /** The whole priced run (rates + labels), for the record. */
  pricedRunMs: number;
}

const LATENCY = { rates: 150, create: 300, label: 150 };

export async function ratesBench(orders = 40): Promise<RatesBench> {
  const cp = startCanadaPostSandbox();
  cp.faults.setLatency("GetRates", LATENCY.rates).setLatency("CreateShipment", LATENCY.create).setLatency("GetArtifact", LATENCY.label);
  const labels = tempDir("bench-rates");
  const run = async (fixed: boolean) => {
    const t = await freshServerDatabase(`bench_rates_${fixed}`);
    try {
      await insertOrders(t.db, Array.from({ length: orders }, (_, i) => testOrder(i, { order_id: `BR-${fixed ? "F" : "P"}-${i}` })));
      const base = sandboxSettings(labels.path, { concurrency: 4 });
      const settings = fixed ? { ...base, canadaPost: { ...base.canadaPost, serviceRule: "fixed" as const } } : base;
      const deps = shippingDeps(t.db, settings, cp.url);
      let ratesMs = 0;
      if (!fixed) {
        const batch = await shippableOrders(deps);
        const r0 = performance.now();
        await priceOrders(deps, batch.map((c) => orderToPrice(c)));
        ratesMs = performance.now() - r0;
      }
      const t0 = performance.now();
      const summary = await runShipping(deps);
      if (summary.created.length !== orders) throw new Error(`bench: ${summary.created.length} of ${orders} labels bought`);
      return { ratesMs, runMs: performance.now() - t0 };
    } finally {
      await t.drop();
    }
  };
  try {
    const fixedRun = await run(true);
    const pricedRun = await run(false);
    return { orders, ratesMs: pricedRun.ratesMs, labelsMs: fixedRun.runMs, pricedRunMs: pricedRun.runMs };
  } finally {
    await cp.stop();
    labels.remove();
  }
}

export function ratesRows(r: RatesBench): Row[] {
  const perRates = r.ratesMs / r.orders;
  const perLabel = r.labelsMs / r.orders;
  return [
    {
      measure: `Get Rates before buying, per order (${r.orders} orders, c=4)`,
      value: ms(perRates),
      baseline: `the label itself ${ms(perLabel)}/order (fixed service)`,
      ratio: times(perRates / perLabel),
      goal: "–",
      met: undefined,
    },
    {
      measure: "… a whole priced run vs the fixed-service run",
      value: ms(r.pricedRunMs),
      baseline: `fixed ${ms(r.labelsMs)}`,
      ratio: times(r.pricedRunMs / r.labelsMs),
      goal: "–",
      met: undefined,
    },
  ];
}

export function ratesNote(r: RatesBench): string {
  return `
## What a quote costs (issue 16)

- **How.** ${r.orders} orders on a fresh server database, the Canada Post sandbox in the bench process with
  Get Rates at ${LATENCY.rates} ms, Create Shipment ${LATENCY.create} ms and the label ${LATENCY.label} ms, concurrency 4. The
  rates step (\`priceOrders\`, one Get Rates per order, side by side) is timed alone, then the priced
  run; the baseline is the same orders with a fixed service (no Get Rates). The step is one round
  trip per order in throttle group D (840 a minute), so it adds about one Get Rates latency per order
  divided by the concurrency, and never uses group A's allowance for labels.
`;
}

if (import.meta.main) {
  const r = await ratesBench();
  console.log(JSON.stringify(r));
  for (const row of ratesRows(r)) console.log(row);
}
