import { beforeAll, describe, expect, test } from "bun:test";
import { PDFDocument } from "pdf-lib";
import { listParcels, saveProof } from "../../src/parcels/index.ts";
import { createPrintApp, type PrintApp } from "../../src/server/index.ts";
import { followedParcels } from "../parcels/scene.ts";

// The print page's Parcels view, next to the labels: each parcel's state and last event, the
// refunds to claim, and the delivery certificate (saved, or asked for from there).
const f = followedParcels("server_parcels", 18, 12, { journeys: "every-kind", prefix: "SV" });
let app: PrintApp;
const SELF = "http://localhost";

beforeAll(() => {
  app = createPrintApp({
    db: f.db,
    labelsDir: f.labelsDir,
    refetchLabel: async () => ({ ok: false, message: "not in this test" }),
    saveProof: (id) => saveProof(f.scene.deps, id),
    mode: "sandbox",
  });
});

const page = async (path: string) => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return res.text();
};

describe("the print page's Parcels view", () => {
  test("every parcel with its state and last event; a state's filter; Parcels beside Labels in the menu", async () => {
    const html = await page("/parcels");
    expect(html).toMatch(/<a href="\/">Labels<\/a><a href="\/parcels" aria-current="page">Parcels<\/a>/);
    const parcels = await listParcels(f.db);
    expect(parcels.length).toBe(18);
    for (const p of parcels) expect(html).toContain(`data-pin="${p.tracking_pin}" data-state="${p.state}"`);
    expect(html).toContain("Waits at ");
    const returned = await page("/parcels?state=returned");
    const rows = [...returned.matchAll(/data-state="(\w+)"/g)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows)).toEqual(new Set(["returned"]));
  });

  test("the late-delivery refunds to claim, with their total", async () => {
    const late = (await listParcels(f.db, { state: "delivered" })).filter((p) => p.late && p.guaranteed);
    expect(late.length).toBeGreaterThan(0);
    const html = await page("/parcels");
    expect(html).toContain(`Late-delivery refunds to claim: ${late.length} parcel(s), $${late.reduce((s, p) => s + p.paid!, 0).toFixed(2)} in all`);
    for (const p of late) expect(html).toContain(`refund $${p.paid!.toFixed(2)}, claim by ${p.claim_by}`);
  });

  test("a delivered parcel's certificate: asked for from the page, then served beside the label; none for a returned one", async () => {
    const [delivered] = await listParcels(f.db, { state: "delivered" });
    const before = await page("/parcels?state=delivered");
    expect(before).toContain(`action="/parcels/${delivered!.tracking_pin}/proof"`);
    const asked = await app.request(`/parcels/${delivered!.tracking_pin}/proof`, { method: "POST", headers: { Origin: SELF } });
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe(`/parcels?done=proof&order=${delivered!.order_id}`);
    const after = await page(asked.headers.get("location")!);
    expect(after).toContain(`The delivery certificate of order ${delivered!.order_id} is saved beside its label.`);
    const pdf = await app.request(`/parcels/${delivered!.tracking_pin}/proof.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()))).getTitle()).toBe(`Canada Post sandbox delivery confirmation ${delivered!.tracking_pin}`);

    const [returned] = await listParcels(f.db, { state: "returned" });
    const refused = await app.request(`/parcels/${returned!.tracking_pin}/proof`, { method: "POST", headers: { Origin: SELF } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/<p class="warn">The parcel of order SV\d+-A \(PIN \d+\) is not delivered: it went back to you;/);
    expect((await app.request(`/parcels/${returned!.tracking_pin}/proof.pdf`)).status).toBe(404);
    expect((await app.request("/parcels/../../etc/proof.pdf")).status).toBe(404);
  });

  test("Needs attention lists each parcel that needs a person with its fix", async () => {
    const html = await page("/status");
    const needing = (await listParcels(f.db)).filter((p) => p.attention !== null);
    expect(needing.length).toBeGreaterThan(0);
    for (const p of needing) expect(html).toContain(`data-order="${p.order_id}" data-orders="${p.order_id}" data-kind="parcel_${p.attention}"`);
    expect(html).toContain(`then shipdesk parcels --done `);
  });
});
