import { afterAll, beforeAll, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { runEndOfDay } from "../../src/manifest/index.ts";
import { createPrintApp } from "../../src/server/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { freshServerDatabase, tempDir } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { carrierFor, sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import manifestsSql from "./manifests.sql" with { type: "text" };
import setManifestPathSql from "./set_manifest_path.sql" with { type: "text" };

let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
});

test("the print page lists today's manifests and serves each PDF by id, only from inside the labels folder", async () => {
  const t = await freshServerDatabase("eod_page");
  const labels = tempDir("eod-page");
  const outside = tempDir("eod-page-outside");
  try {
    const settings = sandboxSettings(labels.path);
    await insertOrders(t.db, [testOrder(0, { order_id: "PG-0" }), testOrder(1, { order_id: "PG-1" })]);
    await runShipping(shippingDeps(t.db, settings, cp.url));
    await runEndOfDay({ db: t.db, carrier: carrierFor(t.db, settings, cp.url), settings });
    const [m] = await t.db.query<Record<string, any>>(manifestsSql);
    const app = createPrintApp({ db: t.db, labelsDir: labels.path, refetchLabel: async () => ({ ok: false, message: "no" }), mode: "sandbox" });

    const page = await (await app.request("/manifests")).text();
    expect(page).toContain(m!.po_number);
    expect(page).toContain(`/manifests/${m!.manifest_id}/manifest.pdf`);
    expect(await (await app.request("/")).text()).toContain('href="/manifests"');

    const pdf = await app.request(`/manifests/${m!.manifest_id}/manifest.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(new Uint8Array(readFileSync(m!.pdf_path)));

    expect((await app.request("/manifests/../../etc/passwd")).status).toBe(404);
    expect((await app.request("/manifests/abc/manifest.pdf")).status).toBe(400);
    expect((await app.request("/manifests/999999/manifest.pdf")).status).toBe(404);
    const elsewhere = `${outside.path}/manifest.pdf`;
    writeFileSync(elsewhere, readFileSync(m!.pdf_path));
    await t.db.query(setManifestPathSql, [m!.manifest_id, elsewhere]);
    expect((await app.request(`/manifests/${m!.manifest_id}/manifest.pdf`)).status).toBe(403);
  } finally {
    await t.drop();
    labels.remove();
    outside.remove();
  }
});
