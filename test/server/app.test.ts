import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { databaseAuditLog } from "../../src/http/audit.ts";
import { createPrintApp, type PrintApp } from "../../src/server/index.ts";
import { lockShipment, unlockShipment } from "../../src/shipping/store.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { countingRefetch, LABEL_SIZE, makeLabelBatch, type BatchLabel } from "./label-batch.ts";
import insertOrder from "./insert_order.sql" with { type: "text" };
import insertShipment from "./insert_shipment.sql" with { type: "text" };
import insertLabelShipment from "./insert_label_shipment.sql" with { type: "text" };
import shipmentState from "./shipment_state.sql" with { type: "text" };

let t: TestDatabase;
let dir: { path: string; remove(): void };
let outsideDir: { path: string; remove(): void };
let app: PrintApp;
let refetch: ReturnType<typeof countingRefetch>;
let batch: BatchLabel[];
let escapeeId: number;
const sneakyIds: number[] = [];

const SELF = "http://localhost";

function post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = { Origin: SELF }) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return app.request(path, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });
}

/** A whole page whose message is one sentence, with nothing of a stack trace in it. */
function expectPlainErrorPage(html: string) {
  expect(html).toStartWith("<!DOCTYPE html>");
  const main = /<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "";
  const sentence = /<p class="warn">([^<]*)<\/p>/.exec(main)?.[1] ?? "";
  expect(sentence).toMatch(/^\S[^]*\.$/);
  expect(sentence).not.toMatch(/\. [A-Z]/);
  expect(main).not.toMatch(/ at \S+ \(|\.tsx?:\d+|Error\b|node_modules|\bstack\b/i);
}

beforeAll(async () => {
  t = await freshServerDatabase("server_app");
  dir = tempDir("labels");
  outsideDir = tempDir("outside");
  refetch = countingRefetch(t.db, dir.path);
  app = createPrintApp({ db: t.db, labelsDir: dir.path, refetchLabel: refetch, mode: "sandbox" });
  batch = await makeLabelBatch(t.db, dir.path, 3);
  // A row whose recorded path leads out of the labels folder (a bad row, or a tampered one).
  writeFileSync(join(outsideDir.path, "secret.pdf"), "%PDF-1.4 not yours");
  await t.db.query(insertOrder, ["ESC-1", "Mallory", "1 Side St", "Toronto", "ON", "M5V1A1", "[]", null]);
  const [row] = await t.db.query<{ shipment_id: number }>(insertLabelShipment, [
    "ESC-1", "CPSESC", "7023999900000001", "https://example.invalid/a", join(dir.path, "..", "..", outsideDir.path, "secret.pdf"), "x", 10,
  ]);
  escapeeId = row!.shipment_id;
  // Inside by name, outside in fact: a symlink in the labels folder, and a relative climb.
  symlinkSync(join(outsideDir.path, "secret.pdf"), join(dir.path, "link.pdf"));
  for (const [order, path] of [["ESC-2", "link.pdf"], ["ESC-3", "../secret.pdf"]] as const) {
    await t.db.query(insertOrder, [order, "Mallory", "1 Side St", "Toronto", "ON", "M5V1A1", "[]", null]);
    const [r] = await t.db.query<{ shipment_id: number }>(insertLabelShipment, [order, `CPS${order}`, `70239999000000${order.at(-1)}`, "https://example.invalid/a", path, "x", 10]);
    sneakyIds.push(r!.shipment_id);
  }
});

afterAll(async () => {
  await t?.drop();
  dir?.remove();
  outsideDir?.remove();
});

describe("the labels page", () => {
  test("lists today's labels with order, name, city, PIN and printed state, under a SANDBOX banner", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("SANDBOX");
    for (const l of batch) {
      expect(html).toContain(l.orderId);
      expect(html).toContain(l.pin);
    }
    expect(html).toContain("Not printed");
    expect(html).toContain("Refused: outside labels folder");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  test("shows each label's service and price, and the day's total, taxes included", async () => {
    const html = await (await app.request("/")).text();
    const prices = [...html.matchAll(/<td class="price" data-label="Price">\$(\d+\.\d\d)<\/td>/g)].map((m) => Number(m[1]));
    expect(prices.length).toBeGreaterThanOrEqual(batch.length);
    for (const price of prices) expect(price).toBeGreaterThan(0);
    const total = prices.reduce((a, b) => a + b, 0);
    expect(html).toMatch(new RegExp(`<span id="day-total">\\$${total.toFixed(2).replace(".", "\\.")} taxes included`));
    expect(html).toMatch(/<td data-label="Service">DOM\.[A-Z]{2}<\/td>/);
  });

  test("another day shows none of today's labels; a bad date is one sentence", async () => {
    const html = await (await app.request("/?date=2001-02-03")).text();
    expect(html).toContain("No labels for this day");
    const bad = await app.request("/?date=2026-02-30");
    expect(bad.status).toBe(400);
    expectPlainErrorPage(await bad.text());
  });

  test("one label is served inline as the PDF on disk", async () => {
    const res = await app.request(`/labels/${batch[0]!.shipmentId}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toStartWith("inline");
    const doc = await PDFDocument.load(await res.arrayBuffer());
    expect(doc.getPage(0).getSize()).toEqual(LABEL_SIZE);
  });

  test("the picked labels merge into one PDF of true-size pages", async () => {
    const ids = batch.slice(0, 2).map((l) => l.shipmentId);
    const redirect = await post("/labels/merge", { id: ids.map(String) });
    expect(redirect.status).toBe(303);
    const res = await app.request(redirect.headers.get("location")!);
    expect(res.status).toBe(200);
    const doc = await PDFDocument.load(await res.arrayBuffer());
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) expect(page.getSize()).toEqual(LABEL_SIZE);
  });
});

describe("refusals", () => {
  test("a path in the address is not a label", async () => {
    for (const path of ["/labels/..%2f..%2fetc%2fpasswd", "/labels/..%2f..%2fetc%2fpasswd.pdf", "/labels/%2e%2e/%2e%2e/etc/passwd", "/labels/1.pdf%00"]) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).not.toContain("root:");
      expectPlainErrorPage(html);
    }
  });

  test("a row whose file lies outside the labels folder is refused, served, merged nor refetched", async () => {
    const view = await app.request(`/labels/${escapeeId}.pdf`);
    expect(view.status).toBe(403);
    expect(await view.text()).toContain("outside the labels folder");
    expect((await app.request(`/labels/merged.pdf?id=${escapeeId}`)).status).toBe(403);
    const reprint = await post(`/labels/${escapeeId}/reprint`, {});
    expect(reprint.status).toBe(403);
    for (const id of sneakyIds) {
      const res = await app.request(`/labels/${id}.pdf`);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain("not yours");
    }
    expect(refetch.calls).toEqual([]);
  });

  test("a cross-site POST gets 403 and changes nothing", async () => {
    const id = batch[2]!.shipmentId;
    const res = await post("/labels/printed", { id: String(id) }, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expectPlainErrorPage(await res.text());
    const noOrigin = await post("/labels/printed", { id: String(id) }, {});
    expect(noOrigin.status).toBe(403);
    const nullOrigin = await post("/labels/printed", { id: String(id) }, { Origin: "null" });
    expect(nullOrigin.status).toBe(403);
    const wrongToken = await post("/labels/printed", { id: String(id), _token: "guess" }, {});
    expect(wrongToken.status).toBe(403);
    const [row] = await t.db.query<{ printed_at: Date | null }>(shipmentState, [id]);
    expect(row!.printed_at).toBeNull();
  });

  test("a POST without Origin is accepted with the page's token", async () => {
    const id = batch[2]!.shipmentId;
    const res = await post("/labels/printed", { id: String(id), _token: app.token }, {});
    expect(res.status).toBe(303);
    const [row] = await t.db.query<{ printed_at: Date | null }>(shipmentState, [id]);
    expect(row!.printed_at).not.toBeNull();
  });

  test("a request under a foreign host name (DNS rebinding) is refused", async () => {
    const res = await app.request("http://attacker.example/", { headers: { Host: "attacker.example" } });
    expect(res.status).toBe(403);
  });

  test("errors render as a page of one sentence, never a stack", async () => {
    const broken = createPrintApp({
      db: { ...t.db, query: async () => { throw new Error("boom at secret/place.ts:12"); } },
      labelsDir: dir.path,
      refetchLabel: refetch,
    });
    const original = console.error;
    console.error = () => {};
    const res = await broken.request("/");
    console.error = original;
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("Something went wrong on the label page");
    expect(html).not.toContain("boom");
    expectPlainErrorPage(html);
    const missing = await app.request("/nowhere");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("There is no page at this address.");
  });
});

describe("reprint", () => {
  test("a damaged file is fetched again, never bought; a good one is left alone", async () => {
    const label = batch[1]!;
    writeFileSync(label.path, "%PDF-1.7 truncated");
    const damaged = await app.request(`/labels/${label.shipmentId}.pdf`);
    expect(damaged.status).toBe(409);
    expect(await damaged.text()).toContain("Reprint");
    const before = refetch.calls.length;
    const res = await post(`/labels/${label.shipmentId}/reprint`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("done=refetched");
    expect(refetch.calls.length).toBe(before + 1);
    expect((await app.request(`/labels/${label.shipmentId}.pdf`)).status).toBe(200);
    const again = await post(`/labels/${label.shipmentId}/reprint`, {});
    expect(again.headers.get("location")).toContain("done=fine");
    expect(refetch.calls.length).toBe(before + 1);
  });

  test("a refetch that fails says why in one sentence", async () => {
    const failing = createPrintApp({
      db: t.db,
      labelsDir: dir.path,
      refetchLabel: async () => ({ ok: false, message: "Canada Post did not answer" }),
    });
    rmSync(batch[0]!.path);
    const res = await failing.request(`/labels/${batch[0]!.shipmentId}/reprint`, { method: "POST", headers: { Origin: SELF } });
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("Canada Post did not answer");
    await post(`/labels/${batch[0]!.shipmentId}/reprint`, {});
  });
});

describe("the status pages", () => {
  test("list what needs a person, with the fix, and an order's audit trail without secrets", async () => {
    const db = t.db;
    await db.query(insertOrder, ["PROB-1", "Ana Lopez", "", "Laval", "QC", "H7N", '[{"field":"postal_code","code":"invalid","message":"postal code H7N is incomplete"}]', null]);
    await db.query(insertOrder, ["FAIL-1", "Bo Park", "1 Rue", "Gatineau", "QC", "J8X1A1", "[]", null]);
    await db.query(insertShipment, ["FAIL-1", "label_failed", "Canada Post said: 9111 weight exceeds maximum", null, new Date()]);
    await db.query(insertOrder, ["STUCK-1", "Cy Moreau", "2 Rue", "Sherbrooke", "QC", "J1H1A1", "[]", null]);
    await db.query(insertShipment, ["STUCK-1", "label_creation_initiated", null, null, new Date(Date.now() - 20 * 60_000)]);
    await db.query(insertOrder, ["NEW-1", "Di Fox", "3 Rue", "Quebec", "QC", "G1R1A1", "[]", null]);
    const [fresh] = await db.query<{ shipment_id: number }>(insertShipment, ["NEW-1", "label_creation_initiated", null, null, new Date()]);
    // A run is buying NEW-1 right now (it holds the label's lock): not a person's business yet.
    const buying = await db.reserve();
    await lockShipment(buying, fresh!.shipment_id);
    await db.query(insertOrder, ["CANC-1", "Ed Wu", "4 Rue", "Levis", "QC", "G6V1A1", "[]", "Cancelled on Best Buy after its label was bought: void the label at Canada Post."]);

    const html = await (await app.request("/status")).text();
    expect(html).toContain("postal code H7N is incomplete");
    expect(html).toContain("9111 weight exceeds maximum");
    expect(html).toContain("no answer was recorded");
    expect(html).toContain("adopts it, so nothing is bought twice");
    expect(html).toContain("void the label at Canada Post");
    // No card for it (the deadline board lists it among the orders to ship, as being bought).
    expect(html).not.toMatch(/data-orders="[^"]*\bNEW-1\b/);
    await unlockShipment(buying, fresh!.shipment_id);
    await buying.release();
    expect(await (await app.request("/status")).text()).toMatch(/data-orders="[^"]*\bNEW-1\b/);

    const audit = databaseAuditLog(db);
    await audit.record({
      service: "CanadaPost", endpoint: "CreateShipment", relatedId: "FAIL-1", method: "POST",
      url: "https://ct.soa-gw.canadapost.ca/rs/2004381/2004381/shipment",
      requestPayload: { xml: "<shipment><weight>99</weight></shipment>", headers: { Authorization: "Basic c2VjcmV0" } },
      responseBody: `<messages><message><code>9111</code></message></messages>${"x".repeat(10_000)}`,
      statusCode: 400, isSuccess: false, durationMs: 231, error: null, attempt: 1,
    });
    const order = await (await app.request("/orders/FAIL-1")).text();
    expect(order).toContain("CreateShipment");
    expect(order).toContain("https://ct.soa-gw.canadapost.ca/rs/2004381/2004381/shipment");
    expect(order).toContain("<details>");
    expect(order).toContain("&lt;weight&gt;99&lt;/weight&gt;");
    expect(order).toContain("more characters not shown");
    expect(order).toContain("231 ms");
    expect(order).not.toContain("Basic c2VjcmV0");
    expect(order).not.toContain("Authorization");
    expect((await app.request("/orders/NOPE")).status).toBe(404);
  });
});
