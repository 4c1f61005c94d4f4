import { afterAll, beforeAll, expect, test } from "bun:test";
import { createPrintApp } from "../../src/server/app.tsx";
import { pngSize, printerFrom, printPicked } from "../../src/printing/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import { code128In } from "./barcode.ts";
import { startZebra, type StandInZebra } from "./zebra.ts";
import labelsSql from "./labels.sql" with { type: "text" };

let t: TestDatabase;
let cp: RunningCanadaPostSandbox;
let zebra: StandInZebra;
let labels: ReturnType<typeof tempDir>;
let app: ReturnType<typeof createPrintApp>;
const SELF = "http://localhost";

beforeAll(async () => {
  cp = startCanadaPostSandbox();
  zebra = startZebra();
  t = await freshServerDatabase("print_page_zpl");
  labels = tempDir("print-page-zpl");
  const base = sandboxSettings(labels.path);
  // Two ZPL labels and one PDF bought before the shop moved to the thermal printer.
  await insertOrders(t.db, [testOrder(0)]);
  await runShipping(shippingDeps(t.db, base, cp.url));
  const zpl = { ...base, canadaPost: { ...base.canadaPost, labelEncoding: "zpl" as const } };
  await insertOrders(t.db, [testOrder(1), testOrder(2)]);
  await runShipping(shippingDeps(t.db, zpl, cp.url));
  const printer = printerFrom({ kind: "zpl-network", host: "127.0.0.1", port: zebra.port, name: undefined, queue: undefined, autoPrint: false, dpi: 203 }, { file: "shipdesk.toml", dataDir: labels.path })!;
  app = createPrintApp({
    db: t.db,
    labelsDir: labels.path,
    refetchLabel: async () => ({ ok: false, message: "not in this test" }),
    printer: { described: printer.target.described, send: (ids) => printPicked({ db: t.db, printer }, ids) },
  });
});
afterAll(async () => {
  zebra.stop();
  await cp.stop();
  await t.drop();
  labels.remove();
});

const rows = () => t.db.query<Record<string, any>>(labelsSql);
const idsOf = () => t.db.query<{ shipment_id: number; order_id: string; label_pdf_path: string; tracking_pin: string }>("SELECT shipment_id, order_id, label_pdf_path, tracking_pin FROM shipments ORDER BY order_id");

function post(path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return app.request(path, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: SELF } });
}

test("a ZPL label is shown as an image of the 4x6 label the printer prints, its PIN readable; a PDF label stays a PDF", async () => {
  const [pdf, zplA] = await idsOf();
  expect(pdf!.label_pdf_path).toEndWith(".pdf");
  expect(zplA!.label_pdf_path).toEndWith(".zpl");
  const page = await (await app.request("/")).text();
  expect(page).toContain(`/labels/${zplA!.shipment_id}.png`);
  expect(page).toContain(`/labels/${pdf!.shipment_id}.pdf`);
  expect(page).toContain("Send picked to the printer");
  const res = await app.request(`/labels/${zplA!.shipment_id}.png`);
  expect(res.headers.get("content-type")).toBe("image/png");
  const png = new Uint8Array(await res.arrayBuffer());
  expect(pngSize(png)).toEqual({ width: 813, height: 1220 });
  expect(await code128In(png)).toContain(zplA!.tracking_pin);
  // Its .pdf address (a reprint's "Open it") leads to the image, never to ZPL served as a PDF.
  const asPdf = await app.request(`/labels/${zplA!.shipment_id}.pdf`);
  expect(asPdf.status).toBe(302);
  expect(asPdf.headers.get("location")).toBe(`/labels/${zplA!.shipment_id}.png`);
  // The merged PDF holds the PDF label only.
  const merged = await app.request(`/labels/merged.pdf?id=${pdf!.shipment_id}&id=${zplA!.shipment_id}`);
  expect(merged.status).toBe(200);
  const onlyZpl = await app.request(`/labels/merged.pdf?id=${zplA!.shipment_id}`);
  expect(onlyZpl.status).toBe(404);
  expect(await onlyZpl.text()).toContain("Send picked to the printer");
});

test("Send picked to the printer: one job per label; sent again later it is a reprint and says so", async () => {
  const [, a, b] = await idsOf();
  const first = await post("/labels/send", { id: [String(a!.shipment_id), String(b!.shipment_id)], _token: app.token });
  expect(first.status).toBe(303);
  const shown = await (await app.request(first.headers.get("location")!)).text();
  expect(shown).toContain("2 labels sent to the printer.");
  expect(zebra.jobsFor(a!.tracking_pin)).toHaveLength(1);
  expect(zebra.jobsFor(b!.tracking_pin)).toHaveLength(1);
  const again = await post("/labels/send", { id: String(a!.shipment_id), _token: app.token });
  expect(await (await app.request(again.headers.get("location")!)).text()).toContain("1 label sent to the printer (1 of them a reprint).");
  expect(zebra.jobsFor(a!.tracking_pin)).toHaveLength(2);
  const state = (await rows()).find((r) => r.order_id === a!.order_id)!;
  expect(state.print_count).toBe(2);
});
