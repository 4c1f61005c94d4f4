import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { addBusinessDays as sandboxBusinessDays } from "../../src/sandbox/calendar.ts";
import { watchParcels, type ParcelAttention } from "../../src/parcels/index.ts";
import type { JourneyKind } from "../../src/sandbox/canadapost/tracking/journey.ts";
import { needsAttention } from "../../src/status/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { busiestWindow } from "./clock.ts";
import { parcelScene, scheduledRuns, type ParcelScene } from "./scene.ts";
import callsByPin from "./calls_by_pin.sql" with { type: "text" };
import parcelsSql from "./parcels.sql" with { type: "text" };

// Issue 27's "done when": 200 sandbox parcels followed through their journeys over simulated
// days (Task Scheduler's runs every 15 minutes of working hours, for 55 days), on a clock the
// test moves: the sandbox's journeys, the throttle limiters and api_calls all go by it.
const PARCELS = 200;
const DAYS = 55;

let t: TestDatabase;
let labels: ReturnType<typeof tempDir>;
let scene: ParcelScene;

beforeAll(async () => {
  t = await freshServerDatabase("parcel_journeys");
  labels = tempDir("parcel-journeys");
  scene = await parcelScene(t.db, labels.path, PARCELS);
}, 120_000);
afterAll(async () => {
  await scene?.sandbox.stop();
  await t?.drop();
  labels?.remove();
});

const END_STATE: Record<JourneyKind, string> = {
  on_time: "delivered",
  late: "delivered",
  picked_up: "delivered",
  unclaimed: "returned",
  refused: "returned",
  lost: "stuck",
};

/** What each kind of journey must have had the clerk look at, at least. */
const MUST_NEED: Record<JourneyKind, ParcelAttention[]> = {
  on_time: [],
  late: ["late"],
  picked_up: ["attempted"],
  unclaimed: ["attempted", "returned"],
  refused: ["returned"],
  lost: ["stuck"],
};

interface Row {
  tracking_pin: string;
  order_id: string;
  state: string;
  attention: string | null;
  late: boolean;
  claim_by: string | null;
  delivered_on: string | null;
  expected_delivery: string | null;
  settled_at: Date | null;
  watch_ended: boolean;
  next_check_at: Date | null;
  service_code: string;
  guaranteed: boolean;
  post_office: string | null;
  held_until: string | null;
}

describe(`${PARCELS} sandbox parcels followed over ${DAYS} simulated days`, () => {
  test(
    "each ends delivered, returned or stuck as its journey went; nothing asked after it settled; never over 20 tracking calls a minute; each exception listed once with its fix",
    async () => {
      const kindOf = new Map<string, JourneyKind>();
      const firstScanAt = new Map<string, number>();
      for (const pin of scene.pins.values()) {
        const journey = scene.sandbox.tracking.story(pin)!.journey;
        kindOf.set(pin, journey.kind);
        firstScanAt.set(pin, journey.scans[0]!.at.getTime());
      }
      const listings: { at: Date; kind: string; orderIds: string[]; fix: string }[][] = [];
      for (const at of scheduledRuns(scene.clock.date(), DAYS)) {
        scene.clock.to(at);
        const run = await watchParcels(scene.deps);
        expect(run.stopped).toBeUndefined();
        expect(run.errors).toEqual([]);
        if (run.newAttention.length > 0) {
          const listed = (await needsAttention(t.db, scene.clock.date())).filter((a) => a.kind.startsWith("parcel_"));
          listings.push(listed.map((a) => ({ at: scene.clock.date(), kind: a.kind, orderIds: a.orderIds, fix: a.fix })));
          for (const n of run.newAttention) {
            const item = listed.filter((a) => a.orderIds.includes(n.orderId));
            // Listed at once, once, with its own fix.
            expect({ order: n.orderId, items: item.map((a) => a.kind) }).toEqual({ order: n.orderId, items: [`parcel_${n.attention}`] });
          }
        }
      }

      const rows = await t.db.query<Row & Record<string, unknown>>(parcelsSql);
      expect(rows.length).toBe(PARCELS);
      const kinds = new Map<JourneyKind, number>();
      for (const r of rows) {
        const kind = kindOf.get(r.tracking_pin)!;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        expect({ pin: r.tracking_pin, kind, state: r.state }).toEqual({ pin: r.tracking_pin, kind, state: END_STATE[kind] });
        // Settled: never due again. A lost parcel is followed for watch.days, then no more.
        expect({ pin: r.tracking_pin, next: r.next_check_at, settled: r.settled_at !== null }).toEqual({ pin: r.tracking_pin, next: null, settled: true });
        expect(r.watch_ended).toBe(kind === "lost");
        // Late: only what came after its promised date without a notice card on time.
        expect({ pin: r.tracking_pin, kind, late: r.late }).toEqual({ pin: r.tracking_pin, kind, late: kind === "late" });
        expect(r.guaranteed).toBe(r.service_code === "DOM.EP");
        if (r.late) expect(r.claim_by).toBe(sandboxBusinessDays(r.delivered_on!, 30));
      }
      // Every kind of journey met (the shares of the sandbox's exceptions over 200 PINs).
      for (const kind of Object.keys(END_STATE) as JourneyKind[]) expect({ kind, some: (kinds.get(kind) ?? 0) > 0 }).toEqual({ kind, some: true });

      // Nothing asked about a parcel after it was settled, nor before its first scan could be there.
      const calls = await t.db.query<{ order_id: string; url: string; called_at: Date; endpoint: string }>(callsByPin);
      const settledAt = new Map(rows.map((r) => [r.order_id, new Date(r.settled_at!).getTime()]));
      const pinOf = new Map(rows.map((r) => [r.order_id, r.tracking_pin]));
      const late = calls.filter((c) => new Date(c.called_at).getTime() > settledAt.get(c.order_id)!);
      expect(late).toEqual([]);
      const early = calls.filter((c) => new Date(c.called_at).getTime() < firstScanAt.get(pinOf.get(c.order_id)!)!);
      expect(early).toEqual([]);

      // Never more than Canada Post's 20 tracking calls in any minute: as sent (api_calls), as
      // they arrived (the sandbox), and not one throttled.
      expect(calls.length).toBe(scene.sandbox.state.callsTo("GetTrackingDetails"));
      expect(busiestWindow(calls.map((c) => new Date(c.called_at).getTime()))).toBeLessThanOrEqual(20);
      expect(busiestWindow(scene.sandbox.state.arrivals.get("E") ?? [])).toBeLessThanOrEqual(20);
      expect(scene.sandbox.state.throttledCalls.get("E") ?? 0).toBe(0);
      // The watch spent well under a call a parcel a run (the simplest schedule): a handful each.
      expect(calls.length).toBeLessThan(PARCELS * 12);

      // Each exception announced once (--auto's exit 1), and each one the journey called for.
      const announced = scene.events.filter((e) => e.type === "needs-person") as { orderId: string; pin: string; attention: ParcelAttention }[];
      const keys = announced.map((e) => `${e.pin} ${e.attention}`);
      expect(keys.length).toBe(new Set(keys).size);
      for (const [pin, kind] of kindOf) {
        const got = new Set(announced.filter((e) => e.pin === pin).map((e) => e.attention));
        for (const need of MUST_NEED[kind]) expect({ pin, kind, need, announced: got.has(need) }).toEqual({ pin, kind, need, announced: true });
        if (kind === "on_time") expect({ pin, announced: [...got] }).toEqual({ pin, announced: [] });
      }
      // Each listing names a parcel once, and its fix says what to do with what is known.
      for (const listed of listings) {
        const orders = listed.flatMap((a) => a.orderIds);
        expect(orders.length).toBe(new Set(orders).size);
        for (const a of listed) {
          const row = rows.find((r) => r.order_id === a.orderIds[0])!;
          if (a.kind === "parcel_attempted") expect(a.fix).toMatch(/^Call the customer \(.+\): the parcel waits at the post office at .+ PO \(post office \d{7}\) until \d{4}-\d{2}-\d{2}, to pick up/);
          if (a.kind === "parcel_late") {
            expect(a.fix).toMatch(row.guaranteed ? /^Claim the late-delivery refund of \$\d+\.\d\d from Canada Post .* by \d{4}-\d{2}-\d{2}/ : /no delivery guarantee, so there is no refund to claim/);
          }
          if (a.kind === "parcel_returned") expect(a.fix).toMatch(/refund the order in the Best Buy seller portal/);
          if (a.kind === "parcel_stuck") expect(a.fix).toContain(row.tracking_pin);
          expect(a.fix).toEndWith(`then shipdesk parcels --done ${row.order_id}.`);
        }
      }
    },
    600_000,
  );
});
