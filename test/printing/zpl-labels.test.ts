import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { sha256 } from "../../src/labels/index.ts";
import { looksLikeZpl } from "../../src/pdf.ts";
import { pngSize, renderZpl } from "../../src/printing/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { buildShipmentXml } from "../../src/canadapost/xml/shipment-xml.ts";
import { buildShipmentJson } from "../../src/canadapost/portal/bodies.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps } from "../support/shipping.ts";
import { startSandbox } from "../support/carriers.ts";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { code128In } from "./barcode.ts";
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };

let t: TestDatabase | undefined;
let labels: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await t?.drop();
  labels?.remove();
});

describe.each(["xml", "portal"] as const)("ZPL labels over the %s API", (api) => {
  let cp: RunningCanadaPostSandbox;
  const before = process.env.SHIPDESK_TEST_API;
  beforeAll(() => {
    process.env.SHIPDESK_TEST_API = api;
    cp = startSandbox();
  });
  afterAll(async () => {
    await cp.stop();
    if (before === undefined) delete process.env.SHIPDESK_TEST_API;
    else process.env.SHIPDESK_TEST_API = before;
  });

  test("label_encoding = zpl: Create Shipment asks for ZPL, the label comes in the link's media type, is saved as .zpl unaltered, and renders to a 4x6 image whose PIN barcode reads", async () => {
    process.env.SHIPDESK_TEST_API = api;
    t = await freshServerDatabase(`zpl_${api}`);
    labels = tempDir(`zpl-${api}`);
    cp.state.reset();
    const base = sandboxSettings(labels.path);
    const settings = { ...base, canadaPost: { ...base.canadaPost, labelEncoding: "zpl" as const } };
    await insertOrders(t.db, [testOrder(0, { customer_name: "Émilie Côté" }), testOrder(1)]);
    const summary = await runShipping(shippingDeps(t.db, settings, cp.url));
    expect(summary.created).toHaveLength(2);

    const rows = await t.db.query<Record<string, any>>(shipmentsSql);
    for (const row of rows) {
      const sold = cp.state.labelsFor(row.order_id)[0]!;
      expect(sold.encoding).toBe("ZPL");
      expect(row.label_pdf_path).toEndWith(".zpl");
      const bytes = new Uint8Array(readFileSync(row.label_pdf_path));
      expect(looksLikeZpl(bytes)).toBe(true);
      expect(sha256(bytes)).toBe(row.label_sha256);
      expect(new TextDecoder().decode(bytes)).toContain(`^FD${sold.trackingPin}^FS`);

      const png = await renderZpl(bytes, 203);
      expect(pngSize(png)).toEqual({ width: 813, height: 1220 });
      expect(await code128In(png)).toContain(sold.trackingPin);
      const fine = await renderZpl(bytes, 300);
      expect(Math.round(pngSize(fine).width / 300)).toBe(4);
      expect(Math.round(pngSize(fine).height / 300)).toBe(6);
      expect(await code128In(fine)).toContain(sold.trackingPin);
    }
    const accents = rows.find((r) => r.order_id === testOrder(0).order_id)!;
    expect(readFileSync(accents.label_pdf_path, "utf8")).toContain("Émilie Côté");
  }, 60_000);
});

test("the request asks for ZPL in each API's words, and PDF by default", () => {
  const base = { serviceCode: "DOM.EP", labelFormat: "4x6" as const, manifest: "group" as const, contractId: "42708517", methodOfPayment: "Account" as const, sender: { name: "Desk", company: "Shop", phone: "6135550142", addressLine1: "2701 Riverside Dr", addressLine2: "", city: "Ottawa", province: "ON", postalCode: "K1A0B1" } };
  const req = { requestId: "R-1", orderId: "R", recipient: { name: "A B", addressLine1: "1 Main St", city: "Toronto", province: "ON", postalCode: "M5V2T6", country: "CA" }, parcel: { weightKg: 1 } };
  const xml = (labelEncoding: "pdf" | "zpl") => buildShipmentXml(req, { ...base, labelEncoding });
  const json = (labelEncoding: "pdf" | "zpl") => buildShipmentJson(req, { ...base, labelEncoding });
  const zplXml = xml("zpl");
  expect(zplXml.ok && zplXml.xml).toContain("<print-preferences><output-format>4x6</output-format><encoding>ZPL</encoding></print-preferences>");
  const pdfXml = xml("pdf");
  expect(pdfXml.ok && pdfXml.xml).toContain("<encoding>PDF</encoding>");
  const zplJson = json("zpl");
  expect(zplJson.ok && (zplJson.body.deliverySpec as any).printPreferences).toEqual({ outputFormat: "4x6", encoding: "ZPL" });
});
