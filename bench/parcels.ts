// Issue 27's benchmark: what the parcel watch spends of Canada Post's 20 tracking calls a minute,
// and how soon a parcel's delivery (or return) shows, against the simplest schedule: every parcel
// still on its way asked at every run. A shop buying 200 labels every working day for two weeks
// (about 1000 parcels in flight once it runs), Task Scheduler's --auto every 15 minutes of the
// working day, the sandbox's journeys (a share of notices, returns, lost and late parcels), all
// on a simulated clock: the real watch, the real limiter, the real database and the sandbox
// over HTTP. The simplest schedule is reckoned over the same journeys and the same runs (asked
// for real it would need ~1000 calls a run, 50 minutes of Canada Post's allowance each time).
import { localDay } from "../src/common/calendar.ts";
import { watchParcels } from "../src/parcels/index.ts";
import { runShipping } from "../src/shipping/index.ts";
import { freshServerDatabase, tempDir } from "../test/support/database.ts";
import { insertOrders, testOrder } from "../test/support/orders.ts";
import { shippingDeps } from "../test/support/shipping.ts";
import { parcelScene, scheduledRuns, type ParcelScene } from "../test/parcels/scene.ts";
import { busiestWindow } from "../test/parcels/clock.ts";
import { ms, times, type Row } from "./report.ts";
import setLabelTime from "./set_label_time.sql" with { type: "text" };
import parcelSettles from "./parcel_settles.sql" with { type: "text" };
import trackingCalls from "./tracking_calls.sql" with { type: "text" };

export interface ParcelsBench {
  labels: number;
  /** Parcels bought and not yet known settled, averaged over the measured days' runs. */
  inFlight: number;
  measuredDays: number;
  watchCallsPerDay: number;
  simplestCallsPerDay: number;
  /** From the delivery (or the return's arrival) to the run that learnt it: medians and 90th percentiles, ms. */
  watchShowMs: { median: number; p90: number };
  simplestShowMs: { median: number; p90: number };
  busiestMinute: number;
  throttled: number;
  wallMs: number;
}

const PER_DAY = 200;
const BUYING_DAYS = 10;
const DAYS = 40;
/** Calls and the parcels in flight are counted on these working days: the shop has been running a week. */
const MEASURED = [5, 10] as const;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** The clerk's PC keeps Ottawa's time (the sandbox's sender): Task Scheduler's hours are Eastern. */
const PC_ZONE = "America/Toronto";

export async function parcelsBench(): Promise<ParcelsBench> {
  const zone = process.env.TZ;
  process.env.TZ = PC_ZONE;
  try {
    return await simulate();
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}

async function simulate(): Promise<ParcelsBench> {
  const t0 = performance.now();
  const t = await freshServerDatabase("bench_parcels");
  const labels = tempDir("bench-parcels");
  let scene: ParcelScene | undefined;
  try {
    // The scene's first day's labels; the other days' are bought as the days come.
    scene = await parcelScene(t.db, labels.path, PER_DAY, { prefix: "B0-" });
    await t.db.query(setLabelTime, [scene.clock.date().toISOString(), [...scene.pins.keys()]]);
    const runs = [...scheduledRuns(scene.clock.date(), DAYS)];
    const days = [...new Set(runs.map((r) => localDay(r)))];
    const boughtOn = new Map<string, number>();
    for (const pin of scene.pins.values()) boughtOn.set(pin, scene.clock.ms());
    let bought = 1;
    for (const at of runs) {
      scene.clock.to(at);
      const dayIndex = days.indexOf(localDay(at));
      if (at.getHours() === 10 && at.getMinutes() === 0 && dayIndex > 0 && bought < BUYING_DAYS) {
        const orders = Array.from({ length: PER_DAY }, (_, i) => testOrder(i, { order_id: `B${bought}-${1000 + i}-A` }));
        await insertOrders(t.db, orders);
        const summary = await runShipping(shippingDeps(t.db, scene.settings, scene.sandbox.url));
        await t.db.query(setLabelTime, [at.toISOString(), summary.created]);
        for (const s of scene.sandbox.state.shipments.values()) if (!boughtOn.has(s.trackingPin)) boughtOn.set(s.trackingPin, at.getTime());
        bought++;
      }
      await watchParcels(scene.deps);
    }

    // When each parcel settled at Canada Post, and when the watch learnt it.
    const settledAtCp = new Map<string, number>();
    for (const pin of boughtOn.keys()) {
      const j = scene.sandbox.tracking.story(pin)!.journey;
      if (j.kind !== "lost") settledAtCp.set(pin, (j.delivery ?? j.scans.at(-1)!).at.getTime());
    }
    const rows = await t.db.query<{ tracking_pin: string; state: string; settled_at: Date | null; watch_ended: boolean }>(parcelSettles);
    const runTimes = runs.map((r) => r.getTime());
    const firstRunAfter = (t: number) => runTimes.find((r) => r >= t) ?? Number.NaN;
    const watchShow: number[] = [];
    const simplestShow: number[] = [];
    for (const r of rows) {
      const at = settledAtCp.get(r.tracking_pin);
      if (at === undefined || r.watch_ended || !r.settled_at) continue;
      watchShow.push(new Date(r.settled_at).getTime() - at);
      simplestShow.push(firstRunAfter(at) - at);
    }

    // Calls a day over the measured working days: the watch's, as made; the simplest's, reckoned.
    const measured = days.slice(MEASURED[0], MEASURED[1]);
    const inDays = (time: number) => measured.includes(localDay(new Date(time)));
    const calls = (await t.db.query<{ called_at: Date }>(trackingCalls)).map((c) => new Date(c.called_at).getTime());
    const watchCalls = calls.filter(inDays).length;
    let simplestCalls = 0;
    let inFlightSum = 0;
    let measuredRuns = 0;
    for (const run of runTimes.filter(inDays)) {
      let n = 0;
      for (const [pin, boughtAt] of boughtOn) {
        const settle = settledAtCp.get(pin);
        // Asked at every run after it is bought, up to the first run after it settled (which learns it).
        if (boughtAt <= run && (settle === undefined || firstRunAfter(settle) >= run)) n++;
      }
      simplestCalls += n;
      inFlightSum += n;
      measuredRuns++;
    }
    return {
      labels: boughtOn.size,
      inFlight: inFlightSum / measuredRuns,
      measuredDays: measured.length,
      watchCallsPerDay: watchCalls / measured.length,
      simplestCallsPerDay: simplestCalls / measured.length,
      watchShowMs: { median: quantile(watchShow, 0.5), p90: quantile(watchShow, 0.9) },
      simplestShowMs: { median: quantile(simplestShow, 0.5), p90: quantile(simplestShow, 0.9) },
      busiestMinute: busiestWindow(calls),
      throttled: scene.sandbox.state.throttledCalls.get("E") ?? 0,
      wallMs: performance.now() - t0,
    };
  } finally {
    await scene?.sandbox.stop();
    await t.drop();
    labels.remove();
  }
}

const hours = (x: number) => `${(x / 3_600_000).toFixed(1)} h`;

export function parcelsRows(p: ParcelsBench): Row[] {
  return [
    {
      measure: `Parcel watch: tracking calls a working day, ~${Math.round(p.inFlight)} parcels in flight`,
      value: p.watchCallsPerDay.toFixed(0),
      baseline: `every parcel every run ${p.simplestCallsPerDay.toFixed(0)}`,
      ratio: times(p.watchCallsPerDay / p.simplestCallsPerDay),
      goal: "≤ 20/min",
      met: p.busiestMinute <= 20 && p.throttled === 0,
    },
    {
      measure: "… a settled parcel's state shows after (median)",
      value: hours(p.watchShowMs.median),
      baseline: `every parcel every run ${hours(p.simplestShowMs.median)}`,
      ratio: times(p.watchShowMs.median / p.simplestShowMs.median),
      goal: "–",
      met: undefined,
    },
    {
      measure: "… the same, 90th percentile",
      value: hours(p.watchShowMs.p90),
      baseline: `every parcel every run ${hours(p.simplestShowMs.p90)}`,
      ratio: times(p.watchShowMs.p90 / p.simplestShowMs.p90),
      goal: "–",
      met: undefined,
    },
  ];
}

export function parcelsNote(p: ParcelsBench): string {
  return `
## Following the parcels (issue 27)

- **How.** ${PER_DAY} labels bought every working day for ${BUYING_DAYS} working days (${p.labels} in all) from the
  Canada Post sandbox, whose journeys (a share of notice cards, returns, lost and late parcels) run
  on a simulated clock; \`--auto\`'s runs every 15 minutes from 08:00 to 18:00 (the PC on ${PC_ZONE} time) on working days for
  ${DAYS} days, each with the watch (\`watch.calls_per_run\` = 40) over the real limiter, database and
  sandbox (HTTP). Calls counted on working days ${MEASURED[0] + 1} to ${MEASURED[1]} (${p.measuredDays} days, ~${Math.round(p.inFlight)} parcels in
  flight on average at each run); "shows after": from the delivery (or a return's arrival) at
  Canada Post to the run that recorded it, lost parcels left out. Simulated ${DAYS} days in ${ms(p.wallMs)}.
- **The simplest schedule** (every parcel not yet known delivered, at every run) is reckoned over
  the same journeys and runs, not made: at ${p.simplestCallsPerDay.toFixed(0)} calls a working day it would need
  ${(p.simplestCallsPerDay / 40).toFixed(0)} calls a run, ${(p.simplestCallsPerDay / 40 / 20).toFixed(0)} minutes of Canada Post's 20 a minute every 15-minute run: it cannot be
  run at all, so its figures are the ideal it would reach with no limit.
- **What the watch spends:** ${p.watchCallsPerDay.toFixed(0)} calls a working day, busiest minute ${p.busiestMinute} calls, ${p.throttled}
  throttled. It asks once a parcel's first scan can be in, every other working day on the way, every
  hour or two on the day it is due (and while it is late or out for delivery), twice a day while it
  waits at a post office, daily on its way back, every other working day when quiet, never once
  delivered or returned. The price is time: a delivery (or a return) shows ${hours(p.watchShowMs.median)} after it happened
  at the median, ${hours(p.watchShowMs.p90)} at the 90th percentile (the simplest: ${hours(p.simplestShowMs.median)} and ${hours(p.simplestShowMs.p90)}): the
  tail is what happens after the day's last look (17:00), learnt the next working morning.
`;
}

if (import.meta.main) {
  const p = await parcelsBench();
  const { table } = await import("./report.ts");
  console.log(table(parcelsRows(p)));
  console.log(parcelsNote(p));
}
