import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { createPrintApp } from "../../src/server/index.ts";
import { refetchLabel, runShipping } from "../../src/shipping/index.ts";
import { TEST_API_VARIABLE, type TestApi } from "../support/carriers.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import sandboxBatch from "../server/sandbox_batch.sql" with { type: "text" };

// The print page's Reprint with the program's own re-fetch (not a stand-in) over each API:
// the lost or damaged label comes back from its stored link, the same PIN, nothing bought.
describe.each(["xml", "portal"] as TestApi[])("Reprint over the %s API", (api) => {
  let t: TestDatabase;
  let cp: RunningCanadaPostSandbox;
  let labels: ReturnType<typeof tempDir>;
  const before = process.env[TEST_API_VARIABLE];

  beforeAll(async () => {
    process.env[TEST_API_VARIABLE] = api;
    t = await freshServerDatabase(`reprint_${api}`);
    labels = tempDir(`reprint-${api}`);
    cp = startCanadaPostSandbox();
  });
  afterAll(async () => {
    if (before === undefined) delete process.env[TEST_API_VARIABLE];
    else process.env[TEST_API_VARIABLE] = before;
    await cp.stop();
    await t.drop();
    labels.remove();
  });

  test("a deleted and a damaged label are fetched again from Canada Post, never bought again", async () => {
    await insertOrders(t.db, [testOrder(0, { order_id: `RP-${api}-0` }), testOrder(1, { order_id: `RP-${api}-1` })]);
    const settings = sandboxSettings(labels.path);
    expect(settings.canadaPost.api).toBe(api);
    const deps = shippingDeps(t.db, settings, cp.url);
    expect((await runShipping(deps)).created).toHaveLength(2);
    const batch = await t.db.query<{ shipmentId: number; path: string; pin: string }>(sandboxBatch);
    const app = createPrintApp({ db: t.db, labelsDir: labels.path, refetchLabel: (id) => refetchLabel(deps, id), mode: "sandbox" });
    rmSync(batch[0]!.path);
    writeFileSync(batch[1]!.path, "%PDF-1.7 truncated");
    for (const label of batch) {
      const res = await app.request(`/labels/${label.shipmentId}/reprint`, { method: "POST", headers: { Origin: "http://localhost" } });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toContain("done=refetched");
      const pdf = await app.request(`/labels/${label.shipmentId}.pdf`);
      expect(pdf.status).toBe(200);
      expect((await PDFDocument.load(readFileSync(label.path))).getPageCount()).toBe(1);
    }
    expect(cp.state.createCount).toBe(2);
    expect(cp.state.artifactDownloads).toBe(4);
  });
});
