import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { CanadaPostPortalClient, type ShipmentRequest } from "../../src/canadapost/index.ts";
import { parseErrorJson } from "../../src/canadapost/portal/replies.ts";
import { classifyJson } from "../../src/canadapost/portal/classify.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { runEndOfDay } from "../../src/manifest/index.ts";
import { voidLabel } from "../../src/voids/index.ts";
import { databaseAuditLog, HttpClient, type HttpOutcome } from "../../src/http/index.ts";
import { startPortalSandbox, type RunningPortalSandbox } from "../../src/sandbox/canadapost/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { SchemaSet } from "../support/json-schema.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import allAuditRows from "../canadapost/all_audit_rows.sql" with { type: "text" };

// The Developer Portal adapter's own promises, over real HTTP against the portal sandbox.
const FIXTURE = join(import.meta.dir, "../fixtures/canadapost-portal/shipping-openapi.excerpt.yaml");
let spec: SchemaSet;
let cp: RunningPortalSandbox;
let t: TestDatabase;
let labels: ReturnType<typeof tempDir>;

beforeAll(async () => {
  spec = await SchemaSet.load(FIXTURE);
  t = await freshServerDatabase("portal_adapter");
});
afterAll(async () => {
  await t.drop();
});
afterEach(async () => {
  await cp?.stop();
  labels?.remove();
});

function fresh(options: Parameters<typeof startPortalSandbox>[0] = {}) {
  cp = startPortalSandbox(options);
  labels = tempDir("portal-adapter");
}

async function settingsFor(overrides: Record<string, unknown> = {}) {
  const { sandboxSettings } = await import("../support/shipping.ts");
  process.env.SHIPDESK_TEST_API = "portal";
  try {
    const s = sandboxSettings(labels.path);
    return { ...s, canadaPost: { ...s.canadaPost, ...overrides } };
  } finally {
    delete process.env.SHIPDESK_TEST_API;
  }
}

function client(settings: Awaited<ReturnType<typeof settingsFor>>, extra: { sleep?: (ms: number) => Promise<void>; readRetryDelayMs?: number } = {}) {
  const http = new HttpClient({ audit: databaseAuditLog(t.db), sleep: extra.sleep ?? (async () => {}) });
  return new CanadaPostPortalClient({ http, settings: settings.canadaPost, baseUrl: cp.url, readRetryDelayMs: extra.readRetryDelayMs ?? 1 });
}

const request = (requestId: string, orderId = "ORD-1"): ShipmentRequest => ({
  requestId,
  orderId,
  recipient: { name: "Élodie Tremblay", addressLine1: "4520 rue Saint-Denis", city: "Montréal", province: "QC", postalCode: "H2J2L3", country: "CA", email: "e@example.com", phone: "5145550199" },
  parcel: { weightKg: 1.2345, dimensionsCm: { length: 30, width: 20.04, height: 10 } },
});

describe("the JSON-schema check itself (so a pass below means something)", () => {
  test("catches what the spec forbids: both groupId and transmitShipment, a lower-case postal code, an unknown field, a weight of 0", () => {
    const good = {
      customerRequestId: "A-1",
      groupId: "20261203",
      requestedShippingPoint: "K1A0B1",
      deliverySpec: {
        serviceCode: "DOM.EP",
        sender: { company: "Northwind", contactPhone: "613-555-0142", addressDetails: { addressLine1: "1 Main", city: "Ottawa", provState: "ON", countryCode: "CA", postalZipCode: "K1A0B1" } },
        destination: { name: "Jo", addressDetails: { countryCode: "CA", postalZipCode: "H2J2L3" } },
        parcelCharacteristics: { weight: 1 },
        preferences: { showPackingInstructions: false },
        settlementInfo: { intendedMethodOfPayment: "Account" },
      },
    };
    expect(spec.check("createShipmentRequest", good)).toEqual([]);
    expect(spec.check("createShipmentRequest", { ...good, transmitShipment: true }).length).toBeGreaterThan(0);
    expect(spec.check("createShipmentRequest", { ...good, requestedShippingPoint: "k1a0b1" }).map((e) => e.path)).toEqual(["$.requestedShippingPoint"]);
    expect(spec.check("createShipmentRequest", { ...good, shipmentNote: "x" })[0]!.message).toContain("shipmentNote is not allowed");
    const zero = structuredClone(good);
    zero.deliverySpec.parcelCharacteristics.weight = 0;
    expect(spec.check("createShipmentRequest", zero)[0]!.path).toBe("$.deliverySpec.parcelCharacteristics.weight");
    const nameless = structuredClone(good) as any;
    delete nameless.deliverySpec.destination.name;
    expect(spec.check("createShipmentRequest", nameless).length).toBeGreaterThan(0);
    expect(spec.check("transmitRequest", { groupIds: [], detailedManifests: true, methodOfPayment: "Account" }).map((e) => e.message).join(" ")).toContain("manifestAddress");
  });
});

describe("every request the adapter sends validates against the published schemas", () => {
  test("a day's labels (grouped and transmitted, with and without e-mail and a second address line), the end of day and a refund", async () => {
    fresh();
    const settings = await settingsFor();
    const ids = Array.from({ length: 6 }, (_, i) => `SCH-${i}`);
    await insertOrders(t.db, ids.map((id, i) => testOrder(i, { order_id: id, ship_email: i % 2 ? null : `c${i}@example.com` })));
    const carrier = client(settings);
    const deps = { db: t.db, carrier, settings, sleep: async () => {} };
    const shipped = await runShipping(deps);
    expect(shipped.created.sort()).toEqual(ids);
    // One transmitted at once (manifest = "transmit"): transmitShipment instead of groupId.
    await insertOrders(t.db, [testOrder(7, { order_id: "SCH-T" })]);
    const transmit = { ...settings, canadaPost: { ...settings.canadaPost, manifest: "transmit" as const } };
    expect((await runShipping({ ...deps, carrier: client(transmit), settings: transmit })).created).toEqual(["SCH-T"]);
    const eod = await runEndOfDay({ db: t.db, carrier, settings });
    expect(eod.failed).toEqual([]);
    const refund = await voidLabel({ db: t.db, carrier }, "SCH-0", { email: "desk@example.com" });
    expect(refund).toMatchObject({ kind: "done", action: "refund_requested" });

    const schemaOf: Record<string, string> = { CreateShipment: "createShipmentRequest", TransmitShipments: "transmitRequest", RequestRefund: "refundRequest" };
    const checked = cp.requests.filter((r) => schemaOf[r.endpoint]);
    expect(checked.map((r) => r.endpoint).sort()).toEqual([...Array(7).fill("CreateShipment"), "RequestRefund", "TransmitShipments"]);
    for (const r of checked) expect({ endpoint: r.endpoint, errors: spec.check(schemaOf[r.endpoint]!, r.body) }).toEqual({ endpoint: r.endpoint, errors: [] });
    expect(checked.filter((r) => (r.body as any).transmitShipment === true)).toHaveLength(1);
    expect(checked.some((r) => (r.body as any).deliverySpec?.notification)).toBe(true);
  }, 30_000);
});

describe("OAuth token", () => {
  test("one token for a whole batch; the client id, secret and token never reach api_calls", async () => {
    fresh();
    const settings = await settingsFor();
    const ids = ["TOK-1", "TOK-2", "TOK-3"];
    await insertOrders(t.db, ids.map((id, i) => testOrder(i, { order_id: id })));
    const summary = await runShipping({ db: t.db, carrier: client(settings), settings, sleep: async () => {} });
    expect(summary.created.sort()).toEqual(ids);
    expect(cp.issuedTokens()).toHaveLength(1);
    const rows = await t.db.query<Record<string, any>>(allAuditRows);
    const text = JSON.stringify(rows);
    expect(rows.some((r) => r.endpoint === "GetToken" && r.is_success)).toBe(true);
    for (const secret of [SANDBOX_CREDENTIALS.canadaPostClientId, SANDBOX_CREDENTIALS.canadaPostClientSecret, ...cp.issuedTokens()]) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });

  test("refreshed before expires_in runs out: no call ever goes out with a token about to expire", async () => {
    fresh({ tokenLifetimeSeconds: 1 });
    const carrier = client(await settingsFor());
    expect((await carrier.findShipmentsByGroup("20260101")).kind).toBe("ok");
    await Bun.sleep(950); // past 90 % of the lifetime, before its end
    expect((await carrier.findShipmentsByGroup("20260101")).kind).toBe("ok");
    expect(cp.issuedTokens()).toHaveLength(2);
    expect(cp.state.callsTo("GetShipments")).toBe(2);
  });

  test("a token that dies early: one 401, one new token, the same call again — and a refused key is a rejection, not a loop", async () => {
    fresh();
    const carrier = client(await settingsFor());
    expect((await carrier.findShipmentsByGroup("20260101")).kind).toBe("ok");
    cp.expireTokens();
    const again = await carrier.findShipmentsByGroup("20260101");
    expect(again.kind).toBe("ok");
    expect(cp.issuedTokens()).toHaveLength(2);
    expect(cp.state.callsTo("GetShipments")).toBe(3);

    const wrong = client(await settingsFor({ clientSecret: "f".repeat(32) }));
    const refused = await wrong.findShipmentsByGroup("20260101");
    expect(refused.kind).toBe("rejected");
    expect(refused.kind !== "ok" && refused.error.keyRefused).toBe(true);
    expect(refused.kind !== "ok" && refused.error.message).toContain("invalid_client");
    expect(cp.state.callsTo("GetToken")).toBe(3);
  });
});

describe("never two labels", () => {
  test("7314 (the request id bought a label already) adopts that label: the same PIN, nothing bought again", async () => {
    fresh();
    const carrier = client(await settingsFor());
    cp.faults.inject("CreateShipment", { kind: "lose-reply" });
    const lost = await carrier.createShipment(request("DUP-1-1", "DUP-1"));
    expect(lost.kind).toBe("unknown");
    expect(cp.state.createCount).toBe(1);
    const again = await carrier.createShipment(request("DUP-1-1", "DUP-1"));
    expect(again.kind).toBe("ok");
    const [bought] = cp.state.labelsFor("DUP-1");
    expect(again.kind === "ok" && again.value.trackingPin).toBe(bought!.trackingPin);
    expect(again.kind === "ok" && again.value.price?.due).toBe(bought!.price!.due);
    expect(cp.state.createCount).toBe(1);
    expect(cp.state.callsTo("CreateShipment")).toBe(2);
  });

  test("7314 while Get Shipments does not list it yet: in doubt (the next run looks again), never a failure, never a second label", async () => {
    fresh();
    const carrier = client(await settingsFor());
    cp.faults.inject("CreateShipment", { kind: "lose-reply" });
    await carrier.createShipment(request("DUP-2-1", "DUP-2"));
    cp.faults.inject("GetShipments", { kind: "status", status: 200, body: "[]", contentType: "application/json" });
    const again = await carrier.createShipment(request("DUP-2-1", "DUP-2"));
    expect(again.kind).toBe("unknown");
    expect(again.kind === "unknown" && again.error.message).toContain("a label exists for request DUP-2-1 (7314)");
    expect(cp.state.createCount).toBe(1);
  });

  test("an old 33-to-35-character request id is not searched on the portal (it would be refused): in doubt, with the way out", async () => {
    fresh();
    const carrier = client(await settingsFor());
    const found = await carrier.findShipmentsByRequestId("X".repeat(33), "OLD-1");
    expect(found.kind).toBe("unknown");
    expect(found.kind === "unknown" && found.error.message).toContain('canadapost.api = "xml"');
    expect(cp.state.callsTo("GetShipments")).toBe(0);
  });
});

describe("labels and manifests", () => {
  test("a label link that redirects: followed, the PDF saved; each hop audited", async () => {
    fresh({ artifactRedirect: true });
    const carrier = client(await settingsFor());
    const created = await carrier.createShipment(request("RED-1-1", "RED-1"));
    if (created.kind !== "ok") throw new Error(created.kind);
    const pdf = await carrier.getLabel(created.value.links.label!, "RED-1");
    expect(pdf.kind).toBe("ok");
    expect(cp.state.artifactDownloads).toBe(1);
    const hops = (await t.db.query<Record<string, any>>(allAuditRows)).filter((r) => r.endpoint === "GetArtifact" && r.related_id === "RED-1");
    expect(hops.map((r) => r.status_code)).toEqual([302, 200]);
  });

  test("a label still rendering (404 for a moment after creation) is fetched once it is there", async () => {
    fresh({ renderDelayMs: 400 });
    const carrier = client(await settingsFor(), { sleep: (ms) => Bun.sleep(ms), readRetryDelayMs: 150 });
    const created = await carrier.createShipment(request("REN-1-1", "REN-1"));
    if (created.kind !== "ok") throw new Error(created.kind);
    const pdf = await carrier.getLabel(created.value.links.label!.href, "REN-1");
    expect(pdf.kind).toBe("ok");
    expect(cp.state.callsTo("GetArtifact")).toBeGreaterThanOrEqual(2);
  });

  test("a grouped label whose reply has no price: the price link is read, so the charge is still kept", async () => {
    fresh({ pricingInfoOnlyWhenTransmitted: true });
    const carrier = client(await settingsFor());
    const created = await carrier.createShipment(request("PRC-1-1", "PRC-1"));
    expect(created.kind === "ok" && created.value.price?.due).toBe(cp.state.labelsFor("PRC-1")[0]!.price!.due);
    expect(cp.state.callsTo("GetShipmentPrice")).toBe(1);
  });
});

describe("error bodies onto the same outcomes as XML", () => {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}): HttpOutcome => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return { kind: "response", status, headers: new Headers(headers), body: new TextEncoder().encode(text), text, durationMs: 1, attempt: 1 };
  };

  test("the four known shapes are read as code + message", () => {
    expect(parseErrorJson(JSON.stringify({ title: "Validation failed", detail: "d", errors: [{ errorCode: "1711", message: "Bad phone." }] }))).toEqual([{ code: "1711", description: "Bad phone." }]);
    expect(parseErrorJson(JSON.stringify([{ httpCode: "401", httpMessage: "Unauthorized", moreInformation: "Token expired" }]))).toEqual([{ code: "401", description: "Unauthorized: Token expired" }]);
    expect(parseErrorJson(JSON.stringify({ httpCode: "401", httpMessage: "Unauthorized" }))).toEqual([{ code: "401", description: "Unauthorized" }]);
    expect(parseErrorJson(JSON.stringify({ messages: [{ code: "9162", description: "Dimensions required." }] }))).toEqual([{ code: "9162", description: "Dimensions required." }]);
    expect(parseErrorJson(JSON.stringify({ error: "invalid_client", error_description: "Client authentication failed." }))).toEqual([{ code: "invalid_client", description: "Client authentication failed." }]);
    expect(parseErrorJson("<html>gateway</html>")).toBeUndefined();
  });

  test("400 rejected, 5xx and 408 unknown, 429 and the SLM text (whatever the status) throttled with Retry-After", () => {
    expect(classifyJson("CreateShipment", reply(400, { title: "t", detail: "d", errors: [{ errorCode: "1156", message: "m" }] })).kind).toBe("rejected");
    expect(classifyJson("CreateShipment", reply(503, "Service Unavailable")).kind).toBe("unknown");
    expect(classifyJson("CreateShipment", reply(408, "")).kind).toBe("unknown");
    const slm = classifyJson("CreateShipment", reply(503, { httpCode: "503", moreInformation: "Rejected by SLM Monitor" }));
    expect(slm.kind).toBe("throttled");
    const asked = classifyJson("CreateShipment", reply(429, "", { "Retry-After": "7" }));
    expect(asked.kind === "throttled" && asked.retryAfterMs).toBe(7000);
    expect(classifyJson("CreateShipment", { kind: "no-answer", error: "reset", timedOut: false, durationMs: 1, attempt: 1 }).kind).toBe("unknown");
  });
});
