// Issue 28's benchmark: how long after a label is saved the printer has taken its job, beside
// what the label itself took to buy. 30 orders with ZPL labels (Create Shipment 300 ms, the
// label 150 ms, concurrency 4), printer.auto_print on, a stand-in network Zebra on 127.0.0.1
// (the tests' one); the labels go to it one job at a time as they are saved, as --auto does.
import { printerFrom, printWaiting } from "../src/printing/index.ts";
import { runShipping } from "../src/shipping/index.ts";
import { startCanadaPostSandbox } from "../src/sandbox/canadapost/index.ts";
import { freshServerDatabase, tempDir } from "../test/support/database.ts";
import { insertOrders, testOrder } from "../test/support/orders.ts";
import { sandboxSettings, shippingDeps } from "../test/support/shipping.ts";
import { startZebra } from "../test/printing/zebra.ts";
import { ms, times, type Row } from "./report.ts";

export interface PrintingBench {
  labels: number;
  /** Per label, median: from "saved" to the Zebra having the whole job. */
  toPrinterMs: number;
  /** Per label, median: from claimed (about to buy) to saved. */
  purchaseMs: number;
  worstToPrinterMs: number;
}

const LATENCY = { create: 300, label: 150 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function printingBench(orders = 30): Promise<PrintingBench> {
  const cp = startCanadaPostSandbox();
  cp.faults.setLatency("CreateShipment", LATENCY.create).setLatency("GetArtifact", LATENCY.label);
  const zebra = startZebra();
  const labels = tempDir("bench-printing");
  const t = await freshServerDatabase("bench_printing");
  try {
    await insertOrders(t.db, Array.from({ length: orders }, (_, i) => testOrder(i, { order_id: `BP-${i}` })));
    const base = sandboxSettings(labels.path, { concurrency: 4 });
    const settings = { ...base, canadaPost: { ...base.canadaPost, labelEncoding: "zpl" as const } };
    const printer = printerFrom({ kind: "zpl-network", host: "127.0.0.1", port: zebra.port, name: undefined, queue: undefined, autoPrint: true, dpi: 203 }, { file: "bench", dataDir: labels.path })!;
    const claimed = new Map<string, number>();
    const saved = new Map<string, { at: number; pin: string }>();
    // As the app's auto printer does it: one job at a time, a new round whenever a label is saved.
    let running: Promise<void> | undefined;
    let more = false;
    const kick = () => {
      if (running) return void (more = true);
      running = (async () => {
        do {
          more = false;
          await printWaiting({ db: t.db, printer });
        } while (more);
      })().finally(() => (running = undefined));
    };
    const deps = {
      ...shippingDeps(t.db, settings, cp.url),
      queuePrint: true,
      onEvent: (e: import("../src/shipping/index.ts").ShippingEvent) => {
        if (e.type === "claimed") claimed.set(e.orderId, performance.timeOrigin + performance.now());
        if (e.type === "saved") {
          saved.set(e.orderId, { at: performance.timeOrigin + performance.now(), pin: e.pin });
          kick();
        }
      },
    };
    const summary = await runShipping(deps);
    while (running) await running;
    if (summary.created.length !== orders || zebra.jobs.length !== orders) throw new Error(`bench: ${summary.created.length} labels, ${zebra.jobs.length} jobs for ${orders} orders`);
    const toPrinter: number[] = [];
    const purchase: number[] = [];
    for (const [orderId, s] of saved) {
      const job = zebra.jobsFor(s.pin)[0]!;
      toPrinter.push(job.at - s.at);
      purchase.push(s.at - claimed.get(orderId)!);
    }
    return { labels: orders, toPrinterMs: median(toPrinter), purchaseMs: median(purchase), worstToPrinterMs: Math.max(...toPrinter) };
  } finally {
    zebra.stop();
    await cp.stop();
    await t.drop();
    labels.remove();
  }
}

export function printingRows(r: PrintingBench): Row[] {
  return [
    {
      measure: `Label saved → job taken by a network Zebra, per label (median of ${r.labels}, auto_print)`,
      value: ms(r.toPrinterMs),
      baseline: `the label's own purchase ${ms(r.purchaseMs)} (claim → saved, median)`,
      ratio: times(r.toPrinterMs / r.purchaseMs),
      goal: "–",
      met: undefined,
    },
    {
      measure: "… the slowest label's wait for the printer",
      value: ms(r.worstToPrinterMs),
      baseline: `purchase ${ms(r.purchaseMs)}`,
      ratio: times(r.worstToPrinterMs / r.purchaseMs),
      goal: "–",
      met: undefined,
    },
  ];
}

export function printingNote(r: PrintingBench): string {
  return `
## Printing as labels are saved (issue 28)

- **How.** ${r.labels} orders on a fresh server database, ZPL labels from the Canada Post sandbox in the
  bench process (Create Shipment ${LATENCY.create} ms, the label ${LATENCY.label} ms, concurrency 4), printer.auto_print
  on, the tests' stand-in network Zebra on 127.0.0.1 (one connection per job, as port 9100 takes
  them). Per label: from the workflow's "saved" event to the moment the Zebra had the whole job
  (its connection closed), against that label's own purchase (claimed → saved). Labels print one
  job at a time beside the label run, so a label saved while another is being sent waits for it:
  the slowest wait is the second row.
`;
}

if (import.meta.main) {
  const r = await printingBench();
  console.log(JSON.stringify(r));
  for (const row of printingRows(r)) console.log(row);
}
