import { runBatch, startSandboxes } from "./children.ts";
const n = Number(process.argv[2] ?? 50);
const lat = Number(process.argv[3] ?? 0);
const sb = await startSandboxes({ orders: n, latency: { createMs: lat * 2, labelMs: lat, bestBuyMs: lat } });
const r = await runBatch({ database: (process.argv[4] as "server") ?? "server", ...sb.urls, concurrency: 4 });
console.log(r, await sb.stats());
await sb.stop();
