import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { CanadaPostPortalClient, CanadaPostXmlClient, noPinHistory, throttleLimiters, type ShippingCarrier } from "../../src/canadapost/index.ts";
import { parseTrackingDetails, parseTrackingSummary } from "../../src/canadapost/xml/tracking-xml.ts";
import { HttpClient } from "../../src/http/index.ts";
import { startCanadaPostSandbox, startPortalSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { SchemaSet } from "../support/json-schema.ts";
import { SimClock } from "../parcels/clock.ts";
import { shipmentFor } from "./client-helpers.ts";
import { REFERENCE_DIR, sandboxSettings } from "./support.ts";

// The tracking calls of both adapters, over real HTTP against the sandboxes, on a clock the test moves.
const CONTRACT = join(import.meta.dir, "../fixtures/canadapost-portal/tracking-contract.yaml");
const noAudit = { record: async () => {} };

type Api = "xml" | "portal";

function scene(api: Api, clock: SimClock): { sandbox: RunningCanadaPostSandbox & { requests?: { endpoint: string; path: string; body: unknown }[] }; carrier: ShippingCarrier; seen: { url: string; method: string; accept: string }[] } {
  const seen: { url: string; method: string; accept: string }[] = [];
  const sandbox = api === "portal" ? startPortalSandbox({ now: clock.date, journeys: "every-kind" }) : startCanadaPostSandbox({ now: clock.date, journeys: "every-kind" });
  const spy: typeof fetch = Object.assign(
    (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const headers = new Headers(init?.headers);
      seen.push({ url: String(input), method: init?.method ?? "GET", accept: headers.get("accept") ?? "" });
      return fetch(input, init);
    },
    { preconnect: fetch.preconnect },
  );
  const http = new HttpClient({ audit: noAudit, fetch: spy, sleep: clock.sleep, now: clock.date });
  const settings = sandboxSettings({ api, baseUrl: sandbox.url });
  const options = { http, settings, readRetryDelayMs: 1, limiters: throttleLimiters(600, { now: clock.ms, sleep: clock.sleep }) };
  const carrier = api === "portal" ? new CanadaPostPortalClient(options) : new CanadaPostXmlClient(options);
  return { sandbox, carrier, seen };
}

describe.each(["xml", "portal"] as const)("tracking over the %s API", (api) => {
  test("no scan yet is Canada Post's 004; then every event, newest first; the summary; the certificate only once delivered", async () => {
    const clock = new SimClock(Date.parse("2026-12-01T15:00:00Z"));
    const { sandbox, carrier, seen } = scene(api, clock);
    try {
      const delivered: string[] = [];
      for (let i = 0; i < 6; i++) {
        const bought = await carrier.createShipment(shipmentFor(`TRK-${api}-${i}`));
        if (bought.kind !== "ok") throw new Error(`label ${i}: ${JSON.stringify(bought)}`);
        const pin = bought.value.trackingPin!;
        const before = await carrier.getTrackingDetails(pin, `TRK-${api}-${i}`);
        expect(noPinHistory(before)).toBe(true);
        const journey = sandbox.tracking.story(pin)!.journey;
        if (journey.delivery) delivered.push(pin);
      }
      clock.to(new Date(Date.parse("2026-12-01T15:00:00Z") + 40 * 86_400_000));
      for (const s of sandbox.state.shipments.values()) {
        const journey = sandbox.tracking.story(s.trackingPin)!.journey;
        const details = await carrier.getTrackingDetails(s.trackingPin, s.orderId!);
        if (details.kind !== "ok") throw new Error(JSON.stringify(details));
        expect(details.value.pin).toBe(s.trackingPin);
        expect(details.value.events.map((e) => e.code)).toEqual([...journey.scans].reverse().map((x) => x.code));
        expect(details.value.expectedDeliveryDate).toBe(journey.expected);
        const summary = await carrier.getTrackingSummary(s.trackingPin, s.orderId!);
        if (summary.kind !== "ok") throw new Error(JSON.stringify(summary));
        expect(summary.value.pin).toBe(s.trackingPin);
        const cert = await carrier.getDeliveryCertificate(s.trackingPin, s.orderId!);
        if (delivered.includes(s.trackingPin)) {
          if (cert.kind !== "ok") throw new Error(JSON.stringify(cert));
          expect((await PDFDocument.load(cert.value)).getPageCount()).toBe(1);
        } else expect(cert.kind).toBe("rejected");
      }
      expect(delivered.length).toBeGreaterThan(0);
      // Where each call went, and what it asked for.
      const paths = seen.map((c) => `${c.method} ${new URL(c.url).pathname.replace(/\d{12,16}/, "PIN")} ${c.accept}`);
      if (api === "xml") {
        expect(paths).toContain("GET /vis/track/pin/PIN/detail application/vnd.cpc.track-v2+xml");
        expect(paths).toContain("GET /vis/track/pin/PIN/summary application/vnd.cpc.track-v2+xml");
        expect(paths).toContain("GET /vis/certificate/PIN application/vnd.cpc.track-v2+xml");
      } else {
        expect(paths).toContain("GET /prod/devportal-portaildesdeveloppeurs/tracking/v1/pins/PIN/details application/json");
        expect(paths).toContain("GET /prod/devportal-portaildesdeveloppeurs/tracking/v1/pins/PIN/summaries application/json");
        expect(paths).toContain("POST /prod/devportal-portaildesdeveloppeurs/tracking/v1/create-certificate application/json");
      }
    } finally {
      await sandbox.stop();
    }
  });

  test("the limiters keep to Canada Post's 20 tracking calls and 6 certificates a minute: the sandbox throttles none", async () => {
    const clock = new SimClock(Date.parse("2026-12-01T15:00:00Z"));
    const { sandbox, carrier } = scene(api, clock);
    try {
      const bought = await carrier.createShipment(shipmentFor(`LIM-${api}`));
      if (bought.kind !== "ok") throw new Error(JSON.stringify(bought));
      const pin = bought.value.trackingPin!;
      clock.to(new Date(clock.ms() + 30 * 86_400_000));
      const start = clock.ms();
      for (let i = 0; i < 45; i++) expect((await carrier.getTrackingDetails(pin, "LIM")).kind).toBe("ok");
      // 45 calls at 20 a minute: two full windows waited out on the test's clock.
      expect(clock.ms() - start).toBeGreaterThanOrEqual(120_000);
      for (let i = 0; i < 13; i++) await carrier.getDeliveryCertificate(pin, "LIM");
      expect(sandbox.state.throttledCalls.get("E") ?? 0).toBe(0);
      expect(sandbox.state.throttledCalls.get("F") ?? 0).toBe(0);
      expect(sandbox.state.callsTo("GetDeliveryCertificate")).toBe(13);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("the Tracking API's published shapes (test/fixtures/canadapost-portal/tracking-contract.yaml)", () => {
  test("the certificate request shipdesk sends; the sandbox's details and errors", async () => {
    const spec = await SchemaSet.load(CONTRACT);
    const clock = new SimClock(Date.parse("2026-12-01T15:00:00Z"));
    const { sandbox, carrier } = scene("portal", clock);
    try {
      const bought = await carrier.createShipment(shipmentFor("SHAPE-1"));
      if (bought.kind !== "ok") throw new Error(JSON.stringify(bought));
      const pin = bought.value.trackingPin!;
      clock.to(new Date(clock.ms() + 40 * 86_400_000));
      await carrier.getDeliveryCertificate(pin, "SHAPE-1");
      const sent = sandbox.requests!.filter((r) => r.endpoint === "GetDeliveryCertificate");
      expect(sent.length).toBe(1);
      expect(sent[0]!.body).toEqual({ pin, language: "en" });
      expect(spec.check("createCertificateRequest", sent[0]!.body)).toEqual([]);
      // A wrong body is caught by the schema (the check is not empty-handed).
      expect(spec.check("createCertificateRequest", { pin: "12", lang: "en" }).length).toBeGreaterThan(0);
      const token = (sandbox as unknown as { issuedTokens(): string[] }).issuedTokens().at(-1)!;
      const details = await (await fetch(`${sandbox.url}/tracking/v1/pins/${pin}/details`, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } })).json();
      expect(spec.check("trackingDetails", details)).toEqual([]);
      const unknown = await (await fetch(`${sandbox.url}/tracking/v1/pins/7023000000000000/details`, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } })).json();
      expect(spec.check("messages", unknown)).toEqual([]);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("reading track-v2 replies", () => {
  const example = REFERENCE_DIR && join(REFERENCE_DIR, "examples", "tracking-summary-response.xml");
  test.skipIf(!example || !existsSync(example))("the reference's tracking-summary example (v1 namespace)", () => {
    expect(parseTrackingSummary(readFileSync(example!, "utf8"))).toMatchObject({
      pin: "7023210039414604",
      expectedDeliveryDate: "2025-03-04",
      actualDeliveryDate: undefined,
      eventDateTime: "20250303:153000",
      eventDescription: "Item processed",
      eventType: "INDUCTION",
      eventLocation: "OTTAWA",
    });
  });

  test("elements the schema does not have (duplicate-flag-ind, seen live) are ignored; zero-padded codes kept as given", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<tracking-detail xmlns="http://www.canadapost.ca/ws/track-v2"><pin>7023210039414604</pin><active-exists>1</active-exists><archive-exists/>
<changed-expected-date/><destination-postal-id>K0J1T0</destination-postal-id><duplicate-flag-ind/><expected-delivery-date>2026-12-04</expected-delivery-date>
<changed-expected-delivery-reason/><mailed-by-customer-number>0002004381</mailed-by-customer-number><mailed-on-behalf-of-customer-number>0002004381</mailed-on-behalf-of-customer-number>
<original-pin/><service-name>Expedited Parcels</service-name><service-name-2>Colis accélérés</service-name-2><customer-ref-1>A-1</customer-ref-1><customer-ref-2/><return-pin/>
<signature-image-exists>true</signature-image-exists><suppress-signature>false</suppress-signature><delivery-options/>
<significant-events><occurrence><event-identifier>0174</event-identifier><event-date>2026-12-04</event-date><event-time>08:27:43</event-time><event-time-zone>EST</event-time-zone>
<event-description>Item out for delivery</event-description><signatory-name/><event-site>SAINTE-FOY</event-site><event-province>QC</event-province><event-retail-location-id/><event-retail-name/></occurrence></significant-events>
</tracking-detail>`;
    expect(parseTrackingDetails(xml)).toMatchObject({ pin: "7023210039414604", signatureImageExists: true, events: [{ code: "0174", site: "SAINTE-FOY", timeZone: "EST" }] });
  });
});
