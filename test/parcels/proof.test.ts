import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { dirname, basename } from "node:path";
import { PDFDocument } from "pdf-lib";
import { listParcels, saveProof } from "../../src/parcels/index.ts";
import { busiestWindow } from "./clock.ts";
import { followedParcels } from "./scene.ts";
import callsByPin from "./calls_by_pin.sql" with { type: "text" };
import labelPathSql from "./label_path.sql" with { type: "text" };

// Every kind of journey in turn: a few parcels of each, followed for 40 days.
const f = followedParcels("parcel_proof", 30, 40, { journeys: "every-kind", prefix: "PR" });

describe("shipdesk proof: the Delivery Confirmation Certificate", () => {
  test("refused for a parcel not delivered (returned, stuck) or unknown, without asking Canada Post", async () => {
    const before = f.scene.sandbox.state.callsTo("GetDeliveryCertificate");
    const returned = await listParcels(f.db, { state: "returned" });
    const stuck = await listParcels(f.db, { state: "stuck" });
    expect(returned.length).toBeGreaterThan(0);
    expect(stuck.length).toBeGreaterThan(0);
    const r = await saveProof(f.scene.deps, returned[0]!.order_id);
    expect(r).toEqual({ ok: false, canRetry: false, message: expect.stringMatching(/^The parcel of order PR\d+-A \(PIN \d+\) is not delivered: it went back to you; Canada Post gives a delivery certificate only for a delivered parcel\.$/) });
    const s = await saveProof(f.scene.deps, stuck[0]!.order_id);
    expect(s.ok).toBe(false);
    expect((s as { message: string }).message).toContain("is not delivered: it is stuck (no scan)");
    const none = await saveProof(f.scene.deps, "NO-SUCH-ORDER");
    expect(none).toMatchObject({ ok: false, message: "Order NO-SUCH-ORDER has no parcel shipdesk follows (no label bought, or its label was cancelled); check the order id." });
    expect(f.scene.sandbox.state.callsTo("GetDeliveryCertificate")).toBe(before);
  });

  test("every delivered parcel's certificate saved beside its label, at most 6 asked a minute, each asked once", async () => {
    const delivered = await listParcels(f.db, { state: "delivered" });
    expect(delivered.length).toBeGreaterThan(6);
    for (const p of delivered) {
      const r = await saveProof(f.scene.deps, p.order_id);
      if (!r.ok) throw new Error(r.message);
      expect(r.fetched).toBe(true);
      const [label] = await f.db.query<{ label_pdf_path: string }>(labelPathSql, [p.order_id]);
      expect(dirname(r.path)).toBe(dirname(label!.label_pdf_path));
      expect(basename(r.path)).toBe(basename(label!.label_pdf_path).replace(/^label-/, "proof-"));
      const pdf = await PDFDocument.load(readFileSync(r.path));
      expect(pdf.getTitle()).toBe(`Canada Post sandbox delivery confirmation ${p.tracking_pin}`);
    }
    // Asked again: the saved file is used, Canada Post is not asked.
    const asked = f.scene.sandbox.state.callsTo("GetDeliveryCertificate");
    const again = await saveProof(f.scene.deps, delivered[0]!.order_id);
    expect(again).toMatchObject({ ok: true, fetched: false });
    expect(f.scene.sandbox.state.callsTo("GetDeliveryCertificate")).toBe(asked);
    expect(asked).toBe(delivered.length);
    const calls = (await f.db.query<{ endpoint: string; called_at: Date }>(callsByPin)).filter((c) => c.endpoint === "GetDeliveryCertificate");
    expect(busiestWindow(calls.map((c) => new Date(c.called_at).getTime()))).toBeLessThanOrEqual(6);
    expect(f.scene.sandbox.state.throttledCalls.get("F") ?? 0).toBe(0);
    expect((await listParcels(f.db, { orderId: delivered[0]!.order_id }))[0]!.proof_pdf_path).toBe(again.ok ? again.path : "");
    expect(existsSync(again.ok ? again.path : "")).toBe(true);
  });
});
