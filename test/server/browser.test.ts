import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { chromium, type Browser } from "playwright-core";
import { startPrintServer, type PrintServer } from "../../src/server/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { refetchLabel, runShipping } from "../../src/shipping/index.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import { LABEL_SIZE, type BatchLabel } from "./label-batch.ts";
import sandboxBatch from "./sandbox_batch.sql" with { type: "text" };
import countShipments from "./count_shipments.sql" with { type: "text" };
import shipmentState from "./shipment_state.sql" with { type: "text" };

// Debian's chromium, never a downloaded one (see TOOLCHAIN.md).
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(import.meta.dir, "../../test-artifacts");
const BATCH = 6;

let t: TestDatabase;
let labels: { path: string; remove(): void };
let server: PrintServer;
let browser: Browser;
let batch: BatchLabel[];
let cp: RunningCanadaPostSandbox;
const refetch = { calls: [] as number[] };

beforeAll(async () => {
  [t, browser] = await Promise.all([
    freshServerDatabase("server_browser"),
    chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }),
  ]);
  labels = tempDir("browser-labels");
  // A real sandbox batch: orders → the label workflow → Canada Post sandbox → PDFs on disk.
  cp = startCanadaPostSandbox();
  await insertOrders(t.db, Array.from({ length: BATCH }, (_, i) => testOrder(i, { order_id: `PRINT-${i}` })));
  const deps = shippingDeps(t.db, sandboxSettings(labels.path), cp.url);
  const summary = await runShipping(deps);
  if (summary.created.length !== BATCH) throw new Error(`the sandbox batch bought ${summary.created.length} labels, not ${BATCH}`);
  batch = await t.db.query<BatchLabel & Record<string, unknown>>(sandboxBatch);
  // The program's own re-fetch (download from the stored link), counted.
  const refetchLabelCounted = async (id: number) => {
    refetch.calls.push(id);
    return refetchLabel(deps, id);
  };
  server = startPrintServer({ db: t.db, labelsDir: labels.path, refetchLabel: refetchLabelCounted, mode: "sandbox" });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await cp?.stop();
  await server?.stop();
  await t?.drop();
  labels?.remove();
});

test("the clerk sees the batch, prints it as one true-size PDF, marks it printed and reprints a lost label", async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);

  // Every label of today's batch, with its PIN, not printed yet, under the SANDBOX banner.
  await expect(page.locator(".sandbox").textContent()).resolves.toContain("SANDBOX");
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBe(BATCH);
  for (const l of batch) {
    const row = page.locator(`tr[data-order="${l.orderId}"]`);
    expect(await row.textContent()).toContain(l.pin);
    expect(await row.textContent()).toContain(l.name);
    expect(await row.locator(".printed-cell").textContent()).toBe("Not printed");
  }

  // One merged PDF: a page per label, each still 288 x 432 pt so the printer does not scale.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-unprinted")]);
  const merged = await PDFDocument.load(readFileSync((await download.path())!));
  expect(merged.getPageCount()).toBe(BATCH);
  for (const p of merged.getPages()) expect(p.getSize()).toEqual(LABEL_SIZE);

  // Marked printed: the page says so and the database has the time.
  await Promise.all([page.waitForURL(/done=printed/), page.click("#mark-printed")]);
  expect(await page.locator(".notice").textContent()).toContain(`${BATCH} labels marked as printed`);
  for (const cell of await page.locator(".printed-cell").all()) expect(await cell.textContent()).toStartWith("Printed");
  for (const l of batch) {
    const [row] = await t.db.query<{ printed_at: Date | null }>(shipmentState, [l.shipmentId]);
    expect(row!.printed_at).toBeInstanceOf(Date);
  }

  // A label file lost from disk is fetched again from Canada Post, once, and nothing is bought.
  const lost = batch[2]!;
  const before = await t.db.query<{ n: number; pins: number }>(countShipments);
  const boughtBefore = cp.state.callsTo("CreateShipment");
  const downloadsBefore = cp.state.callsTo("GetArtifact");
  rmSync(lost.path);
  await page.reload();
  const lostRow = page.locator(`tr[data-order="${lost.orderId}"]`);
  expect(await lostRow.locator(".printed-cell").textContent()).toBe("File missing");
  await Promise.all([page.waitForURL(/done=refetched/), lostRow.getByRole("button", { name: "Reprint" }).click()]);
  expect(await page.locator(".notice").textContent()).toContain("fetched again from Canada Post (not bought again)");
  expect(refetch.calls).toEqual([lost.shipmentId]);
  expect(existsSync(lost.path)).toBe(true);
  const again = await PDFDocument.load(readFileSync(lost.path));
  expect(again.getPage(0).getSize()).toEqual(LABEL_SIZE);
  expect(await t.db.query(countShipments)).toEqual(before);
  // Canada Post was asked for the same label again, and sold none.
  expect(cp.state.callsTo("CreateShipment")).toBe(boughtBefore);
  expect(cp.state.callsTo("GetArtifact")).toBe(downloadsBefore + 1);
  expect(cp.state.labelsFor(lost.orderId)).toHaveLength(1);
  const [lostState] = await t.db.query<{ tracking_pin: string; status: string }>(shipmentState, [lost.shipmentId]);
  expect(lostState).toMatchObject({ tracking_pin: lost.pin, status: "label_created" });
  const view = await page.request.get(`${server.url}/labels/${lost.shipmentId}.pdf`);
  expect(view.status()).toBe(200);

  await page.screenshot({ path: join(ARTIFACTS, "label-page.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: join(ARTIFACTS, "label-page-phone.png"), fullPage: true });
  await context.close();
}, 20_000);
