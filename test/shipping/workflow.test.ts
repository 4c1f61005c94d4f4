import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { retryFailedLabels, runShipping, type ShippingEvent } from "../../src/shipping/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import shipmentsSql from "./queries.sql" with { type: "text" };
import apiCallsSql from "./api_calls.sql" with { type: "text" };
import problemsSql from "./problems.sql" with { type: "text" };
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { RateLimiter } from "../../src/http/index.ts";
import { carrierFor } from "../support/shipping.ts";
import { refusalFault, requestIdField, secretSetting, sentText, testApi, withWrongKey } from "../support/carriers.ts";

let t: TestDatabase;
let cp: RunningCanadaPostSandbox;
let labels: ReturnType<typeof tempDir>;

beforeAll(async () => {
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
});

// Each test gets its own database and labels folder: nothing leaks from one to the next.
async function fresh(label: string) {
  t = await freshServerDatabase(`ship_${label}`);
  labels = tempDir(`ship-${label}`);
  cp.state.reset();
  cp.faults.clear();
}
afterEach(async () => {
  await t?.drop();
  labels?.remove();
});

const shipments = () => t.db.query<Record<string, any>>(shipmentsSql);
const apiCalls = () => t.db.query<Record<string, any>>(apiCallsSql);

describe("label creation", () => {
  test("happy path: N orders → N labels bought, N PDFs on disk, label_created, one audit row per call", async () => {
    await fresh("happy");
    const orders = Array.from({ length: 6 }, (_, i) => testOrder(i));
    await insertOrders(t.db, orders);
    const events: ShippingEvent[] = [];
    const settings = sandboxSettings(labels.path);
    const summary = await runShipping(shippingDeps(t.db, settings, cp.url, events));

    expect(summary.created.sort()).toEqual(orders.map((o) => o.order_id).sort());
    expect(summary.failed).toEqual([]);
    expect(summary.inDoubt).toEqual([]);
    const rows = await shipments();
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.status).toBe("label_created");
      expect(cp.state.labelsFor(row.order_id)).toHaveLength(1);
      expect(row.tracking_pin).toBe(cp.state.labelsFor(row.order_id)[0]!.trackingPin);
      expect(row.customer_request_id).toBe(`${row.order_id}-1`);
      const pdf = readFileSync(row.label_pdf_path);
      const doc = await PDFDocument.load(pdf);
      expect(doc.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
      expect(row.label_pdf_path).toContain(row.tracking_pin);
      expect(row.label_pdf_path.startsWith(labels.path)).toBe(true);
    }
    const calls = await apiCalls();
    const count = (endpoint: string) => calls.filter((c) => c.endpoint === endpoint).length;
    expect(count("CreateShipment")).toBe(6);
    expect(count("GetArtifact")).toBe(6);
    expect(cp.state.callsTo("CreateShipment")).toBe(6);
    for (const c of calls) {
      expect(c.service).toBe("CanadaPost");
      expect(c.is_success).toBe(true);
      const text = JSON.stringify(c);
      expect(text).not.toContain(SANDBOX_CREDENTIALS.canadaPostPassword);
      // Label links carry the API username, as Canada Post's do; the audit keeps it out.
      expect(text).not.toContain(SANDBOX_CREDENTIALS.canadaPostUsername);
      expect(text).not.toContain(Buffer.from(`${SANDBOX_CREDENTIALS.canadaPostUsername}:${SANDBOX_CREDENTIALS.canadaPostPassword}`).toString("base64"));
    }
    if (testApi() === "xml") {
      expect(calls.find((c) => c.endpoint === "GetArtifact")!.url).toContain("/rs/artifact/[redacted]/");
      expect(rows[0]!.cp_api_label_url).toContain(`/rs/artifact/${SANDBOX_CREDENTIALS.canadaPostUsername}/`);
    } else {
      expect(rows[0]!.cp_api_label_url).toContain("/shipping/v1/artifacts/");
    }
    const create = calls.find((c) => c.endpoint === "CreateShipment")!;
    expect(sentText(create)).toContain(requestIdField());
    expect(events.some((e) => e.type === "saved")).toBe(true);

    // A second run buys nothing.
    const again = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(again.created).toEqual([]);
    expect(cp.state.callsTo("CreateShipment")).toBe(6);
  });

  test("an order with problems is skipped, not claimed, and every problem is recorded at once", async () => {
    await fresh("problems");
    await insertOrders(t.db, [
      testOrder(0, { order_id: "BAD-1", ship_street_1: null, ship_street_2: null, ship_postal_code: "ZZZ 999" }),
      testOrder(1, { order_id: "GOOD-1" }),
    ]);
    const summary = await runShipping(shippingDeps(t.db, sandboxSettings(labels.path), cp.url));
    expect(summary.created).toEqual(["GOOD-1"]);
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]!.orderId).toBe("BAD-1");
    expect(summary.skipped[0]!.reasons).toHaveLength(2);
    const [row] = await t.db.query<{ problems: { code: string }[] }>(problemsSql, ["BAD-1"]);
    expect(row!.problems.map((p) => p.code).sort()).toEqual(["bad_postal_code", "missing_street"]);
    expect((await shipments()).map((s) => s.order_id)).toEqual(["GOOD-1"]);
    expect(cp.state.labelsFor("BAD-1")).toHaveLength(0);
  });

  test("rejected: label_failed with Canada Post's messages; --retry after the fix buys one label", async () => {
    await fresh("rejected");
    await insertOrders(t.db, [testOrder(0, { order_id: "REJ-1" })]);
    cp.faults.inject("CreateShipment", refusalFault("1156", "Destination address line 1 is mandatory."));
    const settings = sandboxSettings(labels.path);
    const summary = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.message).toContain("Destination address line 1 is mandatory. (1156)");
    let [row] = await shipments();
    expect(row!.status).toBe("label_failed");
    expect(row!.error_messages).toEqual([{ code: "1156", description: "Destination address line 1 is mandatory." }]);
    expect(cp.state.labelsFor("REJ-1")).toHaveLength(0);

    // A plain second run does not retry it: only the clerk does.
    await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(cp.state.callsTo("CreateShipment")).toBe(1);

    const { results } = await retryFailedLabels(shippingDeps(t.db, settings, cp.url), ["REJ-1", "NOPE"]);
    expect(results[0]).toEqual({ orderId: "REJ-1", ok: true });
    expect(results[1]!.ok).toBe(false);
    [row] = await shipments();
    expect(row!.status).toBe("label_created");
    expect(row!.customer_request_id).toBe("REJ-1-2");
    expect(cp.state.labelsFor("REJ-1")).toHaveLength(1);
  });

  test("unknown (a 5xx): stays label_creation_initiated, and the next run adopts or creates exactly one", async () => {
    await fresh("unknown");
    await insertOrders(t.db, [testOrder(0, { order_id: "UNK-1" }), testOrder(1, { order_id: "UNK-2" })]);
    const settings = sandboxSettings(labels.path, { concurrency: 1 });
    // UNK-1: the label is created but the reply is lost; UNK-2: a plain 503 (nothing created).
    cp.faults.inject("CreateShipment", { kind: "lose-reply" });
    cp.faults.inject("CreateShipment", { kind: "status", status: 503, body: "Service Unavailable" });
    const first = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(first.inDoubt.map((d) => d.orderId).sort()).toEqual(["UNK-1", "UNK-2"]);
    expect((await shipments()).every((s) => s.status === "label_creation_initiated" && s.tracking_pin === null)).toBe(true);
    expect(cp.state.labelsFor("UNK-1")).toHaveLength(1);
    expect(cp.state.labelsFor("UNK-2")).toHaveLength(0);

    const second = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(second.recovered.sort()).toEqual(["UNK-1", "UNK-2"]);
    for (const id of ["UNK-1", "UNK-2"]) expect(cp.state.labelsFor(id)).toHaveLength(1);
    const rows = await shipments();
    expect(rows.every((s) => s.status === "label_created")).toBe(true);
    expect(rows.find((r) => r.order_id === "UNK-1")!.tracking_pin).toBe(cp.state.labelsFor("UNK-1")[0]!.trackingPin);
    const endpoints = (await apiCalls()).map((c) => c.endpoint);
    expect(endpoints.filter((e) => e === "GetShipments").length).toBe(2);
  });

  test("a hang past the timeout is unknown, never re-sent in the same run", async () => {
    await fresh("hang");
    await insertOrders(t.db, [testOrder(0, { order_id: "HANG-1" })]);
    cp.faults.inject("CreateShipment", { kind: "hang" });
    const settings = sandboxSettings(labels.path, { timeoutMs: 1000 });
    const first = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(first.inDoubt).toHaveLength(1);
    expect(first.inDoubt[0]!.message).toContain("next run asks Canada Post");
    expect(cp.state.callsTo("CreateShipment")).toBe(1);
    cp.faults.releaseHangs();
    // The gateway gave up (504), but Canada Post may still be making the label: within twice
    // the timeout an empty search is not believed, and nothing is bought.
    const soon = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(soon.inDoubt.map((d) => d.message)).toEqual([expect.stringContaining("may still be making it")]);
    expect(cp.state.callsTo("CreateShipment")).toBe(1);
    await Bun.sleep(2 * 1000);
    const second = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(second.recovered).toEqual(["HANG-1"]);
    expect(cp.state.labelsFor("HANG-1").length).toBe(1);
    expect(cp.state.callsTo("CreateShipment")).toBe(2);
  });

  test("throttled: waits as Canada Post asks and continues in the same run", async () => {
    await fresh("throttle");
    await insertOrders(t.db, [testOrder(0, { order_id: "THR-1" })]);
    cp.faults.inject("CreateShipment", { kind: "throttle", retryAfterSeconds: 2 }, 2);
    const waits: number[] = [];
    const deps = { ...shippingDeps(t.db, sandboxSettings(labels.path), cp.url), sleep: async (ms: number) => void waits.push(ms) };
    const summary = await runShipping(deps);
    expect(summary.created).toEqual(["THR-1"]);
    expect(waits).toEqual([2000, 2000]);
    expect(cp.state.labelsFor("THR-1")).toHaveLength(1);
  });

  test("the SLM throttle without a Retry-After: 2 s, 4 s, 8 s while it goes on, then 2 s again after a label got through", async () => {
    await fresh("throttle_backoff");
    await insertOrders(t.db, [testOrder(0, { order_id: "THB-1" }), testOrder(1, { order_id: "THB-2" })]);
    cp.faults.inject("CreateShipment", { kind: "throttle" }, 3);
    let now = 0;
    const limiter = new RateLimiter(600, 60_000, () => now, async (ms) => void (now += ms));
    const settings = sandboxSettings(labels.path, { concurrency: 1 });
    const carrier = carrierFor(t.db, settings, cp.url, { limiters: { A: limiter } });
    const waits: number[] = [];
    const deps = { ...shippingDeps(t.db, settings, cp.url), carrier, sleep: async (ms: number) => void (waits.push(ms), (now += ms)) };
    const first = await runShipping(deps);
    expect(first.created.sort()).toEqual(["THB-1", "THB-2"]);
    expect(waits).toEqual([2_000, 4_000, 8_000]);
    expect(limiter.currentBackoffMs).toBe(0);
    await insertOrders(t.db, [testOrder(2, { order_id: "THB-3" })]);
    cp.faults.inject("CreateShipment", { kind: "throttle" }, 1);
    waits.length = 0;
    const second = await runShipping(deps);
    expect(second.created).toEqual(["THB-3"]);
    expect(waits).toEqual([2_000]);
    for (const id of ["THB-1", "THB-2", "THB-3"]) expect(cp.state.labelsFor(id)).toHaveLength(1);
  });

  test("a throttled label download waits and is fetched in the same run, not left unsaved", async () => {
    await fresh("throttle_download");
    await insertOrders(t.db, [testOrder(0, { order_id: "THD-1" })]);
    cp.faults.inject("GetArtifact", { kind: "throttle" }, 2);
    const waits: number[] = [];
    const deps = { ...shippingDeps(t.db, sandboxSettings(labels.path), cp.url), sleep: async (ms: number) => void waits.push(ms) };
    const summary = await runShipping(deps);
    expect(summary.created).toEqual(["THD-1"]);
    expect(summary.notSaved).toEqual([]);
    expect(waits).toEqual([2_000, 2_000]);
    const [row] = await shipments();
    expect(row!.status).toBe("label_created");
    expect(existsSync(row!.label_pdf_path)).toBe(true);
    expect(cp.state.labelsFor("THD-1")).toHaveLength(1);
  });

  test("a label whose download fails keeps its PIN; the next run downloads it without buying again", async () => {
    await fresh("download");
    await insertOrders(t.db, [testOrder(0, { order_id: "DL-1" })]);
    cp.faults.inject("GetArtifact", { kind: "status", status: 500, body: "oops" }, 3);
    const settings = sandboxSettings(labels.path);
    const first = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(first.notSaved).toHaveLength(1);
    let [row] = await shipments();
    expect(row!.status).toBe("label_creation_initiated");
    expect(row!.tracking_pin).not.toBeNull();
    const second = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(second.recovered).toEqual(["DL-1"]);
    [row] = await shipments();
    expect(row!.status).toBe("label_created");
    expect(cp.state.callsTo("CreateShipment")).toBe(1);
  });

  test("the labels folder unwritable: one sentence, PIN and URL kept, the next run finishes", async () => {
    await fresh("disk");
    await insertOrders(t.db, [testOrder(0, { order_id: "DISK-1" })]);
    const blocked = `${labels.path}/blocked`;
    writeFileSync(blocked, "a file where the folder should be");
    const first = await runShipping(shippingDeps(t.db, sandboxSettings(blocked), cp.url));
    expect(first.notSaved).toHaveLength(1);
    expect(first.notSaved[0]!.message).toMatch(/^The labels folder .*blocked is not a folder;/);
    let [row] = await shipments();
    expect(row!.status).toBe("label_creation_initiated");
    expect(row!.tracking_pin).not.toBeNull();
    expect(row!.cp_api_label_url).not.toBeNull();
    rmSync(blocked);
    const second = await runShipping(shippingDeps(t.db, sandboxSettings(blocked), cp.url));
    expect(second.recovered).toEqual(["DISK-1"]);
    [row] = await shipments();
    expect(row!.status).toBe("label_created");
    expect(existsSync(row!.label_pdf_path)).toBe(true);
    expect(cp.state.callsTo("CreateShipment")).toBe(1);
  });

  test("a saved label deleted or damaged on disk is fetched again, not bought again", async () => {
    await fresh("refetch");
    await insertOrders(t.db, [testOrder(0, { order_id: "RF-1" }), testOrder(1, { order_id: "RF-2" })]);
    const settings = sandboxSettings(labels.path);
    await runShipping(shippingDeps(t.db, settings, cp.url));
    const rows = await shipments();
    rmSync(rows[0]!.label_pdf_path);
    writeFileSync(rows[1]!.label_pdf_path, "%PDF-1.7 truncated");
    const again = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(again.recovered.sort()).toEqual(["RF-1", "RF-2"]);
    for (const r of rows) expect((await PDFDocument.load(readFileSync(r.label_pdf_path))).getPageCount()).toBe(1);
    expect(cp.state.callsTo("CreateShipment")).toBe(2);
  });
});

describe("on the embedded database (PGlite)", () => {
  test("the same workflow and SQL: labels bought once, a re-run buys nothing, a lost reply is adopted", async () => {
    const { freshEmbeddedDatabase } = await import("../support/database.ts");
    const e = await freshEmbeddedDatabase("ship-embedded");
    const dir = tempDir("ship-embedded-labels");
    try {
      cp.state.reset();
      cp.faults.clear();
      await insertOrders(e.db, [testOrder(0, { order_id: "E-1" }), testOrder(1, { order_id: "E-2" }), testOrder(2, { order_id: "E-3" })]);
      cp.faults.inject("CreateShipment", { kind: "lose-reply" });
      const settings = sandboxSettings(dir.path, { concurrency: 1 });
      const first = await runShipping(shippingDeps(e.db, settings, cp.url));
      expect(first.created.sort()).toEqual(["E-2", "E-3"]);
      expect(first.inDoubt.map((d) => d.orderId)).toEqual(["E-1"]);
      const second = await runShipping(shippingDeps(e.db, settings, cp.url));
      expect(second.recovered).toEqual(["E-1"]);
      for (const id of ["E-1", "E-2", "E-3"]) expect(cp.state.labelsFor(id)).toHaveLength(1);
      const rows = await e.db.query<Record<string, any>>(shipmentsSql);
      expect(rows.map((r) => r.status)).toEqual(["label_created", "label_created", "label_created"]);
    } finally {
      await e.drop();
      dir.remove();
    }
  }, 30_000);
});

describe("stopping a batch", () => {
  test("after the clerk's Ctrl-C no new label is started, those under way finish, the rest wait for the next run", async () => {
    await fresh("stop");
    await insertOrders(t.db, Array.from({ length: 8 }, (_, i) => testOrder(i, { order_id: `STOP-${i}` })));
    const stop = new AbortController();
    const deps = shippingDeps(t.db, sandboxSettings(labels.path, { concurrency: 2 }), cp.url);
    const summary = await runShipping(
      {
        ...deps,
        onEvent: (e) => {
          if (e.type === "saved" && e.orderId === "STOP-0") stop.abort();
        },
      },
      { signal: stop.signal },
    );
    expect(summary.created.length).toBeGreaterThanOrEqual(1);
    expect(summary.created.length + summary.notStarted.length).toBe(8);
    expect(summary.notStarted.length).toBeGreaterThanOrEqual(5);
    for (const id of summary.notStarted) expect(cp.state.labelsFor(id)).toHaveLength(0);
    const rows = await shipments();
    expect(rows.map((r) => r.order_id).sort()).toEqual([...summary.created].sort());
    expect(rows.every((r) => r.status === "label_created")).toBe(true);

    const next = await runShipping(deps);
    expect(next.created.sort()).toEqual([...summary.notStarted].sort());
    for (let i = 0; i < 8; i++) expect(cp.state.labelsFor(`STOP-${i}`)).toHaveLength(1);
  });
});

describe("a refused API key", () => {
  test("stops the run at the first refusal: nothing bought, no order marked refused, the next run with the right key buys each label once", async () => {
    await fresh("badkey");
    await insertOrders(t.db, Array.from({ length: 6 }, (_, i) => testOrder(i, { order_id: `KEY-${i}` })));
    const good = sandboxSettings(labels.path, { concurrency: 2 });
    const bad = withWrongKey(good);
    const first = await runShipping(shippingDeps(t.db, bad, cp.url));
    expect(first.keyRefused).toContain("refused shipdesk's API key (HTTP 401)");
    expect(first.keyRefused).toContain(secretSetting());
    expect(first.failed).toEqual([]);
    expect(first.notStarted.length).toBeGreaterThanOrEqual(4);
    expect(cp.state.createCount).toBe(0);
    const rows = await shipments();
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(rows.every((r) => r.status === "label_creation_initiated")).toBe(true);

    const second = await runShipping(shippingDeps(t.db, good, cp.url));
    expect(second.keyRefused).toBeUndefined();
    expect([...second.created, ...second.recovered].sort()).toEqual(Array.from({ length: 6 }, (_, i) => `KEY-${i}`));
    for (let i = 0; i < 6; i++) expect(cp.state.labelsFor(`KEY-${i}`)).toHaveLength(1);
  });
});
