import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import type { CarrierOutcome, CreateShipmentOutcome } from "../../src/canadapost/index.ts";
import { RateLimiter } from "../../src/http/index.ts";
import type { Fault } from "../../src/sandbox/faults.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import { auditRows, clientFor, shipmentFor } from "./client-helpers.ts";
import { SECRETS } from "./support.ts";

let t: TestDatabase;
let sandbox: RunningCanadaPostSandbox;

beforeAll(async () => {
  t = await freshServerDatabase("cp_faults");
  sandbox = startCanadaPostSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
  await t?.drop();
});
beforeEach(() => sandbox.faults.clear());

const client = () => clientFor(t.db, sandbox.url, { timeoutMs: 400 });
const rejectedBody = `<messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>2550</code><description>Contract number is invalid.</description></message></messages>`;

async function expectAudited(orderId: string, endpoint: string, count: number) {
  const rows = await auditRows(t.db, orderId);
  expect(rows.map((r) => r.endpoint)).toEqual(Array(count).fill(endpoint));
  for (const row of rows) {
    const text = JSON.stringify(row);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  }
  return rows;
}

const CREATE_FAULTS: [string, Fault, CreateShipmentOutcome["kind"], boolean][] = [
  ["a 500", { kind: "status", status: 500 }, "unknown", false],
  ["a 502 gateway page", { kind: "status", status: 502, body: "Failed to establish a backside connection", contentType: "text/plain" }, "unknown", false],
  ["a 400 with messages", { kind: "status", status: 400, body: rejectedBody }, "rejected", false],
  ["a hang past the timeout", { kind: "hang" }, "unknown", false],
  ["a connection reset", { kind: "reset" }, "unknown", false],
  ["malformed XML", { kind: "malformed" }, "unknown", false],
  ["the SLM throttle", { kind: "throttle" }, "throttled", false],
  ["a 429", { kind: "status", status: 429, headers: { "Retry-After": "2" } }, "throttled", false],
  ["a lost reply (label bought)", { kind: "lose-reply" }, "unknown", true],
];

describe("each injected fault ends in the right class, audited without secrets", () => {
  CREATE_FAULTS.forEach(([name, fault, kind, bought], i) => {
    test(`Create Shipment, ${name} → ${kind}; tried once`, async () => {
      const orderId = `FAULT-C${i}`;
      sandbox.faults.inject("CreateShipment", fault);
      const before = sandbox.state.createCount;
      const outcome = await client().createShipment(shipmentFor(orderId));
      expect(outcome.kind).toBe(kind);
      if (outcome.kind === "rejected") expect(outcome.error.has("2550")).toBe(true);
      if (outcome.kind === "throttled") expect(outcome.retryAfterMs).toBe(2_000); // the short first back-off, or the 429's own Retry-After: 2
      expect(sandbox.state.createCount - before).toBe(bought ? 1 : 0);
      const [row] = await expectAudited(orderId, "CreateShipment", 1);
      expect((row!.request_payload as { xml: string }).xml).toStartWith("<?xml");
      expect(row!.is_success).toBe(fault.kind === "malformed");
      if (fault.kind === "hang") expect(row!.error).toContain("timed out");
      if (fault.kind === "reset") expect(row!.error).not.toBeNull();
    });
  });

  test("a lost reply is found again by request id and adopted, not bought twice", async () => {
    const orderId = "FAULT-LOST";
    sandbox.faults.inject("CreateShipment", { kind: "lose-reply" });
    const c = client();
    expect((await c.createShipment(shipmentFor(orderId))).kind).toBe("unknown");
    const found = await c.findShipmentsByRequestId(`${orderId}-1`, orderId);
    if (found.kind !== "ok") throw new Error(JSON.stringify(found));
    expect(found.value).toHaveLength(1);
    const adopted = await c.getShipment(found.value[0]!, orderId);
    expect(adopted.kind === "ok" && adopted.value.trackingPin).toBe(sandbox.state.labelsFor(orderId)[0]!.trackingPin);
    expect(sandbox.state.labelsFor(orderId)).toHaveLength(1);
  });

  const READ_FAULTS: [string, Fault, number, CarrierOutcome<unknown>["kind"], number][] = [
    ["throttled", { kind: "throttle", retryAfterSeconds: 5 }, 1, "throttled", 1],
    ["a PDF that is not one", { kind: "malformed" }, 1, "unknown", 1],
    ["a 503 three times (all retries spent)", { kind: "status", status: 503 }, 3, "unknown", 3],
    ["a reset once, then the label", { kind: "reset" }, 1, "ok", 2],
    ["a hang once, then the label", { kind: "hang" }, 1, "ok", 2],
    ["a 404", { kind: "status", status: 404, body: `<messages xmlns="http://www.canadapost.ca/ws/messages"/>` }, 1, "rejected", 1],
  ];
  READ_FAULTS.forEach(([name, fault, times, kind, attempts], i) => {
    test(`Get Artifact, ${name} → ${kind} after ${attempts} attempt(s)`, async () => {
      const orderId = `FAULT-A${i}`;
      const c = client();
      const created = await c.createShipment(shipmentFor(orderId));
      if (created.kind !== "ok") throw new Error(JSON.stringify(created));
      sandbox.faults.inject("GetArtifact", fault, times);
      const label = await c.getLabel(created.value.links.label!.href, orderId);
      expect(label.kind).toBe(kind);
      if (label.kind === "throttled") expect(label.retryAfterMs).toBe(5_000);
      const rows = (await auditRows(t.db, orderId)).filter((r) => r.endpoint === "GetArtifact");
      expect(rows.map((r) => r.attempt)).toEqual(Array.from({ length: attempts }, (_, k) => k + 1));
      for (const row of rows) for (const secret of SECRETS) expect(JSON.stringify(row)).not.toContain(secret);
    });
  });

  test("Get Shipments with a reset is retried (a read), Void and Transmit never are", async () => {
    const orderId = "FAULT-R";
    const c = client();
    const created = await c.createShipment(shipmentFor(orderId));
    if (created.kind !== "ok") throw new Error(JSON.stringify(created));
    sandbox.faults.inject("GetShipments", { kind: "reset" });
    expect((await c.findShipmentsByRequestId(`${orderId}-1`, orderId)).kind).toBe("ok");
    sandbox.faults.inject("VoidShipment", { kind: "status", status: 500 });
    expect((await c.voidShipment(created.value.links.self, orderId)).kind).toBe("unknown");
    sandbox.faults.inject("TransmitShipments", { kind: "reset" });
    expect((await c.transmit(["20991231"], orderId)).kind).toBe("unknown");
    const rows = await auditRows(t.db, orderId);
    expect(rows.map((r) => `${r.endpoint}#${r.attempt}`)).toEqual(["CreateShipment#1", "GetShipments#1", "GetShipments#2", "VoidShipment#1", "TransmitShipments#1"]);
    for (const row of rows) for (const secret of SECRETS) expect(JSON.stringify(row)).not.toContain(secret);
  });

  test("latency below the timeout is only slow", async () => {
    sandbox.faults.setLatency("CreateShipment", 150);
    const started = performance.now();
    expect((await client().createShipment(shipmentFor("FAULT-SLOW"))).kind).toBe("ok");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  test("wrong credentials are rejected (401), and the password is still nowhere in the row", async () => {
    const c = clientFor(t.db, sandbox.url, { password: "wrong-password-xyz" });
    const outcome = await c.createShipment(shipmentFor("FAULT-AUTH"));
    expect(outcome.kind === "rejected" && outcome.error.status).toBe(401);
    expect(outcome.kind === "rejected" && outcome.error.has("E002")).toBe(true);
    const rows = await auditRows(t.db, "FAULT-AUTH");
    expect(JSON.stringify(rows)).not.toContain("wrong-password-xyz");
  });
});

describe("throttling", () => {
  test("the sandbox's rolling limit answers like Canada Post; nothing is bought", async () => {
    const limited = startCanadaPostSandbox({ rateLimit: { perMinute: 2 } });
    try {
      const c = clientFor(t.db, limited.url);
      expect((await c.createShipment(shipmentFor("THR-1"))).kind).toBe("ok");
      expect((await c.createShipment(shipmentFor("THR-2"))).kind).toBe("ok");
      const third = await c.createShipment(shipmentFor("THR-3"));
      expect(third.kind).toBe("throttled");
      expect(third.kind === "throttled" && third.error.messages[0]).toEqual({ code: "Server", description: "Rejected by SLM Monitor" });
      expect(limited.state.createCount).toBe(2);
      expect(limited.state.labelsFor("THR-3")).toHaveLength(0);
    } finally {
      await limited.stop();
    }
  });

  test("the client's rate limiter spaces Create Shipment and Get Artifact calls", async () => {
    const limiter = new RateLimiter(2, 300);
    const c = clientFor(t.db, sandbox.url, {}, { rateLimiter: limiter });
    const started = performance.now();
    const a = await c.createShipment(shipmentFor("RL-1"));
    await c.createShipment(shipmentFor("RL-2"));
    if (a.kind !== "ok") throw new Error("create failed");
    await c.getLabel(a.value.links.label!, "RL-1");
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
