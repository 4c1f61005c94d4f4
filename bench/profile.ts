// `bun bench/profile.ts [orders] [server|embedded]`: one zero-latency batch under
// `bun --cpu-prof`, to see where shipdesk's own time per order goes. Not part of `bun run bench`.
import { startSandboxes } from "./children.ts";
import type { BatchPlan } from "./plan.ts";

const orders = Number(process.argv[2] ?? 1000);
const database = process.argv[3] === "embedded" ? "embedded" : "server";
const sandboxes = await startSandboxes({ orders, latency: { createMs: 0, labelMs: 0, bestBuyMs: 0 } });
const plan: BatchPlan = { database, ...sandboxes.urls, concurrency: 4 };
const dir = new URL("../build/bench-profile", import.meta.url).pathname;
const child = Bun.spawn([process.execPath, "--cpu-prof", `--cpu-prof-dir=${dir}`, new URL("./batch.ts", import.meta.url).pathname, JSON.stringify(plan)], {
  stdout: "inherit",
  stderr: "inherit",
});
await child.exited;
await sandboxes.stop();
console.log(`profile written to ${dir}`);
