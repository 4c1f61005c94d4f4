// Issue 9 §2 and §4: shipdesk's own work per order and peak memory, with zero-latency sandboxes
// in another process, on the PostgreSQL server and on the embedded database.
import { peakRssOf, runBatch, startSandboxes, type MeasuredBatch } from "./children.ts";

export interface OwnWork extends MeasuredBatch {
  database: "server" | "embedded";
}

/**
 * `dataDir` (embedded): the batch opens that folder, new or holding an earlier batch, and leaves
 * it; `seed` gives the Best Buy sandbox other order ids than an earlier batch's.
 */
export async function ownWork(database: "server" | "embedded", orders: number, options: { dataDir?: string; seed?: number } = {}): Promise<OwnWork> {
  const sandboxes = await startSandboxes({ orders, seed: options.seed, latency: { createMs: 0, labelMs: 0, bestBuyMs: 0 } });
  try {
    // concurrency 4: the setting's default, as the clerk runs it.
    return { database, ...(await runBatch({ database, ...sandboxes.urls, concurrency: 4, dataDir: options.dataDir })) };
  } finally {
    await sandboxes.stop();
  }
}

/** Baseline for memory: an idle Bun process, measured the same way (/usr/bin/time -v). */
export const idleBunRssMb = () => peakRssOf([process.execPath, "-e", "0"]);

if (import.meta.main) console.log(await ownWork(process.argv[2] === "embedded" ? "embedded" : "server", Number(process.argv[3] ?? 1000)));
