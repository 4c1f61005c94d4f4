// A child process that takes one batch through shipdesk's own code path: orders sync (untimed
// set-up), then ship + track (timed). It runs alone so its CPU time (process.cpuUsage) and its
// peak RSS are shipdesk's own work: the sandboxes live in another process (sandboxes.ts).
// argv[2]: JSON BatchPlan. Prints one JSON BatchResult line.
import { bestBuyClientFromSettings } from "../src/bestbuy/index.ts";
import { CanadaPostXmlClient } from "../src/canadapost/index.ts";
import { databaseAuditLog, HttpClient, RateLimiter } from "../src/http/index.ts";
import { syncOrders } from "../src/orders/index.ts";
import type { App } from "../src/app/app.ts";
import { shipAndTrack } from "../src/cli/commands/ship-and-track.ts";
import { createLogger } from "../src/app/log.ts";
import { runShipping } from "../src/shipping/index.ts";
import { pushTracking } from "../src/tracking/index.ts";
import { migrate, openDatabase } from "../src/db/index.ts";
import { freshEmbeddedDatabase, freshServerDatabase, tempDir } from "../test/support/database.ts";
import { sandboxSettings } from "../test/support/shipping.ts";
import { cpuMsOfPid, hostOf, peakRssOfPid } from "./host.ts";
import type { BatchPlan, BatchResult } from "./plan.ts";
import countsSql from "./counts.sql" with { type: "text" };

const plan = JSON.parse(process.argv[2] ?? "{}") as BatchPlan;
/** A data folder the bench keeps: new (this process copies the shipped database) or existing. */
async function keptEmbeddedDatabase(dataDir: string) {
  const db = await openDatabase({ dataDir });
  await migrate(db);
  return { db, drop: () => db.close() };
}

const database =
  plan.database === "server" ? await freshServerDatabase("bench") : plan.dataDir ? await keptEmbeddedDatabase(plan.dataDir) : await freshEmbeddedDatabase("bench");
const labels = tempDir("bench-labels");
try {
  const { db } = database;
  // A generous timeout: a call queued behind the rate limiter is not a slow Canada Post.
  const settings = sandboxSettings(labels.path, { concurrency: plan.concurrency, timeoutMs: 30_000 });
  const http = new HttpClient({ audit: databaseAuditLog(db) });
  const carrier = new CanadaPostXmlClient({
    http,
    settings: settings.canadaPost,
    baseUrl: plan.canadaPost,
    rateLimiter: plan.rateLimit ? new RateLimiter(plan.rateLimit.limit, plan.rateLimit.windowMs) : undefined,
  });
  const marketplace = bestBuyClientFromSettings(settings.bestBuy, http, { baseUrl: plan.bestBuy });
  const synced = await syncOrders({ db, marketplace, settings });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const cpu0 = process.cpuUsage();
  // Embedded: PGlite runs in the folder's host (issue 25), so its CPU and memory are the host's.
  const host = plan.dataDir ? hostOf(plan.dataDir) : undefined;
  const hostCpu0 = host ? cpuMsOfPid(host.pid) : 0;
  const t0 = performance.now();
  // As --auto runs them: labels bought while the earlier ones are reported to Best Buy.
  const app: App = {
    settings,
    db,
    carrier,
    marketplace,
    sandboxes: undefined,
    printer: undefined,
    where: "bench",
    now: () => new Date(),
    shippingDeps: (extra = {}) => ({ db, carrier, settings, ...extra }),
    close: async () => {},
  };
  let t1: number;
  if (plan.sequential) {
    await runShipping({ db, carrier, settings });
    t1 = performance.now();
    await pushTracking({ db, marketplace, settings });
  } else {
    t1 = (await shipAndTrack(app, createLogger({ echo: false }))).shipFinishedAt;
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const hostUse = host ? { pid: host.pid, program: host.program, cpuMs: cpuMsOfPid(host.pid) - hostCpu0, peakRssMb: peakRssOfPid(host.pid) } : undefined;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const [counts] = await db.query<{ created: number; shipped: number }>(countsSql);

  const result: BatchResult = {
    orders: synced.imported,
    created: counts!.created,
    shipped: counts!.shipped,
    notDone: synced.imported - counts!.created,
    wallMs: t2 - t0,
    shipMs: t1 - t0,
    trackMs: t2 - t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    sampledPeakRssMb: peakRss / 2 ** 20,
    createdDatabase: db.created ?? false,
    host: hostUse,
  };
  console.log(JSON.stringify(result));
} finally {
  await database.drop();
  labels.remove();
}
