import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { SANDBOX_CREDENTIALS } from "../../../src/config/index.ts";
import { createCanadaPostSandbox, createPortalSandbox, PORTAL_ROOT } from "../../../src/sandbox/canadapost/index.ts";
import { JOURNEY_KINDS, journeyOf, type JourneyKind, type Route } from "../../../src/sandbox/canadapost/tracking/journey.ts";
import { REFERENCE_DIR } from "../../canadapost/support.ts";
import { SimClock } from "../../parcels/clock.ts";

const TRACK = "application/vnd.cpc.track-v2+xml";
const SHIPMENT = "application/vnd.cpc.shipment-v8+xml";
const AUTH = `Basic ${Buffer.from(`${SANDBOX_CREDENTIALS.canadaPostUsername}:${SANDBOX_CREDENTIALS.canadaPostPassword}`).toString("base64")}`;
const CUSTOMER = SANDBOX_CREDENTIALS.customerNumber;
const ROUTE: Route = { fromPostal: "K1A0B1", fromCity: "OTTAWA", fromProvince: "ON", toPostal: "V6E4R2", toCity: "VANCOUVER", toProvince: "BC" };

/** A label to Vancouver, over the XML API: its PIN. */
async function buyLabel(app: ReturnType<typeof createCanadaPostSandbox>["app"], n: number): Promise<string> {
  const body = readFileSync(join(import.meta.dir, "shipment-to-vancouver.xml"), "utf8").replaceAll("ORD-N", `ORD-${n}`).replace("CONTRACT", SANDBOX_CREDENTIALS.contractId);
  const r = await app.request(`http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}/shipment`, { method: "POST", headers: { Authorization: AUTH, Accept: SHIPMENT, "Content-Type": SHIPMENT }, body });
  const text = await r.text();
  expect(r.status).toBe(200);
  return /<tracking-pin>(\d+)<\/tracking-pin>/.exec(text)![1]!;
}

const track = (app: ReturnType<typeof createCanadaPostSandbox>["app"], path: string) => app.request(`http://sandbox.test${path}`, { headers: { Authorization: AUTH, Accept: TRACK } });

describe("a sandbox parcel's journey", () => {
  test("the same PIN tells the same story; every kind comes up in its share", () => {
    const labelAt = new Date("2026-12-01T15:00:00Z");
    const one = journeyOf({ pin: "7023000000012345", labelAt, transitDays: 3, route: ROUTE, mix: "shares" });
    expect(journeyOf({ pin: "7023000000012345", labelAt, transitDays: 3, route: ROUTE, mix: "shares" })).toEqual(one);
    const counts = new Map<JourneyKind, number>();
    for (let i = 0; i < 5000; i++) {
      const kind = journeyOf({ pin: String(7_023_000_000_000_000 + i * 7), labelAt, transitDays: 3, route: ROUTE, mix: "shares" }).kind;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const share = (k: JourneyKind) => (counts.get(k) ?? 0) / 5000;
    expect(share("on_time")).toBeGreaterThan(0.55);
    expect(share("on_time")).toBeLessThan(0.72);
    for (const k of ["lost", "refused", "unclaimed"] as const) expect({ k, ok: share(k) > 0.02 && share(k) < 0.08 }).toEqual({ k, ok: true });
    expect(share("late")).toBeGreaterThan(0.08);
    expect(share("picked_up")).toBeGreaterThan(0.06);
  });

  test("scans run forward in time, in the zone of where they happen; a return ends 'delivered' at the sender's", () => {
    const labelAt = new Date("2026-12-01T15:00:00Z");
    for (const [i, kind] of JOURNEY_KINDS.entries()) {
      // "every-kind" deals the kinds in turn by the PIN's serial.
      const pin = `7023${String(600 + i).padStart(11, "0")}0`;
      const j = journeyOf({ pin, labelAt, transitDays: 3, route: ROUTE, mix: "every-kind" });
      expect(j.kind).toBe(JOURNEY_KINDS[(600 + i) % JOURNEY_KINDS.length]!);
      const times = j.scans.map((s) => s.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(j.scans[0]!.at.getTime()).toBeGreaterThan(labelAt.getTime());
      if (j.kind === "refused" || j.kind === "unclaimed") {
        expect(j.scans.at(-1)).toMatchObject({ code: "1496", description: "Item successfully delivered", site: "OTTAWA" });
        expect(j.delivery).toBeUndefined();
      }
      if (j.kind === "lost") expect(j.scans.length).toBeLessThanOrEqual(3);
      void kind;
    }
  });
});

describe("the sandbox's tracking over both APIs", () => {
  test("XML: 004 before the first scan, then the events so far; the certificate only once delivered", async () => {
    const clock = new SimClock(Date.parse("2026-12-01T15:00:00Z"));
    const sandbox = createCanadaPostSandbox({ now: clock.date, journeys: "every-kind" });
    const pin = await buyLabel(sandbox.app, 1);
    const before = await track(sandbox.app, `/vis/track/pin/${pin}/detail`);
    expect(before.status).toBe(404);
    expect(await before.text()).toContain("<code>004</code>");
    const journey = sandbox.tracking.story(pin)!.journey;
    clock.to(new Date(journey.scans[1]!.at.getTime() + 1));
    const some = await (await track(sandbox.app, `/vis/track/pin/${pin}/detail`)).text();
    expect(some.match(/<occurrence>/g)!.length).toBe(2);
    const end = journey.scans.at(-1)!.at.getTime();
    const cert = await track(sandbox.app, `/vis/certificate/${pin}`);
    if (journey.delivery) {
      expect(cert.status).toBe(400);
      clock.to(new Date(end + 60_000));
      const delivered = await (await track(sandbox.app, `/vis/certificate/${pin}`)).text();
      const image = /<image>([^<]+)<\/image>/.exec(delivered)![1]!;
      const pdf = await PDFDocument.load(Buffer.from(image, "base64"));
      expect(pdf.getTitle()).toBe(`Canada Post sandbox delivery confirmation ${pin}`);
    } else expect(cert.status).toBe(400);
  });

  test("tracking's throttle group: 20 a minute of the sandbox's clock, certificates 6", async () => {
    const clock = new SimClock(Date.parse("2026-12-03T15:00:00Z"));
    const sandbox = createCanadaPostSandbox({ now: clock.date });
    const pin = await buyLabel(sandbox.app, 2);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await track(sandbox.app, `/vis/track/pin/${pin}/summary`)).status);
    expect(statuses.filter((s) => s === 503).length).toBe(1);
    const throttled = await (await track(sandbox.app, `/vis/track/pin/${pin}/detail`)).text();
    expect(throttled).toContain("Rejected by SLM Monitor");
    // The labels' own group is not tracking's.
    expect((await sandbox.app.request(`http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}/shipment?requestId=ORD-2-1`, { headers: { Authorization: AUTH, Accept: SHIPMENT } })).status).toBe(200);
    clock.to(new Date(clock.ms() + 60_000));
    expect((await track(sandbox.app, `/vis/track/pin/${pin}/summary`)).status).not.toBe(503);
    const certs: number[] = [];
    for (let i = 0; i < 7; i++) certs.push((await track(sandbox.app, `/vis/certificate/${pin}`)).status);
    expect(certs.filter((s) => s === 503).length).toBe(1);
    expect(sandbox.state.throttledCalls.get("E")).toBe(2);
    expect(sandbox.state.throttledCalls.get("F")).toBe(1);
  });

  test("portal: the same parcel, in JSON; 004 in the spec's error body", async () => {
    const clock = new SimClock(Date.parse("2026-12-01T15:00:00Z"));
    const portal = createPortalSandbox({ now: clock.date });
    const token = await portal.app.request(`http://sandbox.test${PORTAL_ROOT}/cpc-api-native-oauth-provider/oauth2/token`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded", "X-IBM-Client-Id": SANDBOX_CREDENTIALS.canadaPostClientId, "X-IBM-Client-Secret": SANDBOX_CREDENTIALS.canadaPostClientSecret },
      body: "grant_type=client_credentials&scope=merchant",
    });
    const bearer = `Bearer ${((await token.json()) as { access_token: string }).access_token}`;
    const get = (path: string) => portal.app.request(`http://sandbox.test${PORTAL_ROOT}${path}`, { headers: { Authorization: bearer, Accept: "application/json" } });
    expect(await (await get("/tracking/v1/pins/7023000000000001/details")).json()).toEqual({
      title: "Not Found",
      detail: "Errors occurred while processing the request.",
      errors: [{ errorCode: "004", message: "No Pin History" }],
    });
    expect((await get("/tracking/v1/pins/7023000000000001/summary")).status).toBe(404);
  });
});

const xmllint = Bun.which("xmllint");

describe.skipIf(!REFERENCE_DIR || !xmllint)("the sandbox's tracking replies validate against track.xsd (xmllint)", () => {
  test("tracking-detail, tracking-summary and delivery-confirmation-certificate, before and after delivery", async () => {
    const clock = new SimClock(Date.parse("2026-12-01T15:00:00Z"));
    const sandbox = createCanadaPostSandbox({ now: clock.date, journeys: "every-kind", trackingLimits: false });
    const pins = [];
    for (let i = 0; i < 6; i++) pins.push(await buyLabel(sandbox.app, 10 + i));
    const replies: string[] = [];
    for (const days of [1, 4, 9, 30]) {
      clock.to(new Date(Date.parse("2026-12-01T15:00:00Z") + days * 86_400_000));
      for (const pin of pins) {
        replies.push(await (await track(sandbox.app, `/vis/track/pin/${pin}/detail`)).text());
        replies.push(await (await track(sandbox.app, `/vis/track/pin/${pin}/summary`)).text());
        const cert = await track(sandbox.app, `/vis/certificate/${pin}`);
        if (cert.status === 200) replies.push(await cert.text());
      }
    }
    expect(replies.filter((r) => r.includes("<delivery-confirmation-certificate")).length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.includes("<tracking-detail")).length).toBe(24);
    // The reference's track.xsd is the v1 schema (namespace …/ws/track); track-v2 keeps its elements.
    for (const reply of replies) {
      const v1 = reply.replace('xmlns="http://www.canadapost.ca/ws/track-v2"', 'xmlns="http://www.canadapost.ca/ws/track"');
      const run = Bun.spawnSync([xmllint!, "--noout", "--schema", join(REFERENCE_DIR!, "xsd", "track.xsd"), "-"], { stdin: Buffer.from(v1) });
      expect({ reply: reply.slice(0, 120), result: run.stderr.toString().trim() }).toEqual({ reply: reply.slice(0, 120), result: "- validates" });
    }
  });
});
