import { throttleLimiters } from "../../src/canadapost/index.ts";
import type { Settings } from "../../src/config/index.ts";
import type { Database } from "../../src/db/index.ts";
import { databaseAuditLog, HttpClient } from "../../src/http/index.ts";
import { setOrderService } from "../../src/orders/service.ts";
import { watchParcels, type ParcelsDeps, type WatchEvent } from "../../src/parcels/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { afterAll, beforeAll } from "bun:test";
import { carrierOf, startSandbox } from "../support/carriers.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps } from "../support/shipping.ts";
import { SimClock } from "./clock.ts";

/** The watch's settings in the tests: the defaults of shipdesk.toml's [watch]. */
export const WATCH = { days: 45, callsPerRun: 40, stuckAfterDays: 3 };

export interface ParcelScene {
  clock: SimClock;
  sandbox: RunningCanadaPostSandbox;
  settings: Settings;
  deps: ParcelsDeps;
  events: WatchEvent[];
  /** Order id → PIN of the labels bought. */
  pins: Map<string, string>;
}

/**
 * `count` orders with labels bought from a sandbox whose clock is the test's (starting now), and the watch's dependencies on that clock: the carrier's throttle
 * limiters wait on it and api_calls are dated by it. Every fifth order ships Regular Parcel
 * (no guarantee), the rest Expedited.
 */
export async function parcelScene(db: Database, labelsDir: string, count: number, options: { journeys?: "shares" | "every-kind"; prefix?: string } = {}): Promise<ParcelScene> {
  // The labels are dated by the database's clock: the simulated days start now.
  const clock = new SimClock(Date.now());
  const sandbox = startSandbox({ now: clock.date, journeys: options.journeys ?? "shares" });
  const prefix = options.prefix ?? "P";
  const orders = Array.from({ length: count }, (_, i) => testOrder(i, { order_id: `${prefix}${1000 + i}-A` }));
  await insertOrders(db, orders);
  for (const [i, o] of orders.entries()) if (i % 5 === 0) await setOrderService(db, o.order_id, "DOM.RP");
  const settings = sandboxSettings(labelsDir, { concurrency: 4 });
  const fixed = { ...settings, canadaPost: { ...settings.canadaPost, serviceRule: "fixed" as const, serviceCode: "DOM.EP" } };
  const bought = await runShipping(shippingDeps(db, fixed, sandbox.url));
  if (bought.created.length !== count) throw new Error(`the scene bought ${bought.created.length} of ${count} labels`);
  const http = new HttpClient({ audit: databaseAuditLog(db), sleep: clock.sleep, now: clock.date });
  const limiters = throttleLimiters(600, { now: clock.ms, sleep: clock.sleep });
  const events: WatchEvent[] = [];
  const deps: ParcelsDeps = {
    db,
    carrier: carrierOf(fixed, http, sandbox.url, { limiters }),
    settings: { watch: WATCH, labelsDir },
    now: clock.date,
    onEvent: (e) => events.push(e),
  };
  const pins = new Map<string, string>();
  for (const s of sandbox.state.shipments.values()) pins.set(s.orderId!, s.trackingPin);
  return { clock, sandbox, settings: fixed, deps, events, pins };
}

/** Task Scheduler's runs: every 15 minutes from 08:00 to 18:00 on working days, after `from`. */
export function* scheduledRuns(from: Date, days: number): Generator<Date> {
  const end = from.getTime() + days * 86_400_000;
  const t = new Date(from);
  t.setMinutes(Math.ceil(t.getMinutes() / 15) * 15, 0, 0);
  for (; t.getTime() <= end; t.setMinutes(t.getMinutes() + 15)) {
    const weekday = t.getDay();
    if (weekday === 0 || weekday === 6 || t.getHours() < 8 || t.getHours() >= 18) continue;
    yield new Date(t);
  }
}

/** The set-up several parcel test files share: a database and labels folder for the file, a scene followed for `days`. */
export interface FollowedParcels {
  readonly db: Database;
  readonly labelsDir: string;
  readonly scene: ParcelScene;
}

/**
 * For the file: a fresh database, `count` labels bought (parcelScene) and followed by the watch
 * at every scheduled run for `days` days before the tests; everything stopped and removed after.
 */
export function followedParcels(name: string, count: number, days: number, options: { journeys?: "shares" | "every-kind"; prefix?: string } = {}): FollowedParcels {
  let t: TestDatabase | undefined;
  let labels: ReturnType<typeof tempDir> | undefined;
  let scene: ParcelScene | undefined;
  beforeAll(async () => {
    t = await freshServerDatabase(name);
    labels = tempDir(name.replaceAll("_", "-"));
    scene = await parcelScene(t.db, labels.path, count, options);
    for (const at of scheduledRuns(scene.clock.date(), days)) {
      scene.clock.to(at);
      await watchParcels(scene.deps);
    }
  }, 180_000);
  afterAll(async () => {
    await scene?.sandbox.stop();
    await t?.drop();
    labels?.remove();
  });
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error("the parcels are followed before the first test");
    return x;
  };
  return {
    get db() {
      return ready(t).db;
    },
    get labelsDir() {
      return ready(labels).path;
    },
    get scene() {
      return ready(scene);
    },
  };
}
