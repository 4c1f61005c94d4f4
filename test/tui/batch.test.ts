import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { ordersToBuyAgain, shippableOrders, emptySummary } from "../../src/shipping/index.ts";
import {
  confirmText,
  keepOnly,
  presetQuestion,
  refreshReview,
  rowOfOrder,
  shipOptions,
  startReview,
  withWeight,
  type Review,
} from "../../src/tui/batch.ts";
import { advance, progressText, startProgress } from "../../src/tui/progress.ts";
import { saveService, saveWeight } from "../../src/tui/review-store.ts";
import { summaryBlocks } from "../../src/tui/summary.ts";
import { batchChoice, batchHeadline, batchTable } from "../../src/tui/table.ts";
import { parseWeight } from "../../src/tui/weight.ts";
import { openerFor } from "../../src/tui/browser.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings } from "../support/shipping.ts";
import orderWeightsSql from "./order_weights.sql" with { type: "text" };
import skuPackageSql from "./sku_package.sql" with { type: "text" };
import setSkuSizeSql from "./set_sku_size.sql" with { type: "text" };
import labelRowSql from "./label_row.sql" with { type: "text" };

let t: TestDatabase;
let labels: ReturnType<typeof tempDir>;
let settings: ReturnType<typeof sandboxSettings>;

// Orders T1000-A … T1004-A; T1001-A has two units of SKU-1, T1004-A has a bad postal code,
// T1003-A holds two SKUs.
beforeAll(async () => {
  t = await freshServerDatabase("tui_batch");
  labels = tempDir("tui-batch");
  settings = sandboxSettings(labels.path);
  await insertOrders(t.db, [
    testOrder(0),
    testOrder(1),
    testOrder(2),
    testOrder(3, { order_lines: [{ offer_sku: "SKU-A", quantity: 1 }, { offer_sku: "SKU-B", quantity: 1 }] }),
    testOrder(4, { ship_postal_code: "K1A 0Z" }),
  ]);
});
afterAll(async () => {
  await t.drop();
  labels.remove();
});

const deps = () => ({ db: t.db, settings });
const review = async () => startReview(await shippableOrders(deps()));
const orderRow = async (id: string) => (await t.db.query<Record<string, any>>(orderWeightsSql, [id]))[0]!;

describe("the batch to review", () => {
  test("rows show order, name, city and province, service, weight and where it came from; problem orders are not selectable", async () => {
    const r = await review();
    expect(r.rows.map((x) => x.orderId)).toEqual(["T1000-A", "T1001-A", "T1002-A", "T1003-A", "T1004-A"]);
    const halifax = rowOfOrder(r, "T1000-A")!;
    expect(halifax).toMatchObject({ name: "Jordan MacLeod", place: "Halifax, NS", service: "DOM.EP", weightKg: 1, weightFrom: "default parcel", selectable: true });
    expect(halifax.singleSku).toEqual({ sku: "SKU-0", quantity: 1 });
    expect(rowOfOrder(r, "T1001-A")).toMatchObject({ place: "Montréal, QC", weightKg: 2, singleSku: { sku: "SKU-1", quantity: 2 } });
    expect(rowOfOrder(r, "T1003-A")!.singleSku).toBeUndefined();
    const bad = rowOfOrder(r, "T1004-A")!;
    expect(bad.selectable).toBe(false);
    expect(bad.problems.join(" ")).toMatch(/postal code/i);
    expect([...r.selected]).toEqual(["T1000-A", "T1001-A", "T1002-A", "T1003-A"]);
  });

  test("the table: the order, its deadline, service and price first; what stands out marked; each problem said under the table with its fix", async () => {
    const r = await review();
    const lines = batchTable(r.rows, 120);
    expect(lines[0]).toMatch(/^ {3}Order\s+Ships by\s+Service\s+Price\s+Name\s+City\s+Arrives\s+Weight$/);
    expect(lines.find((l) => l.includes("T1000-A"))).toMatch(/^ {3}T1000-A\s+no deadline\s+DOM\.EP\s+\?\s+Jordan MacLeod\s+Halifax, NS\s+1 kg \(default parcel\)$/); // not priced in this test
    expect(lines.find((l) => l.includes("T1004-A"))).toStartWith("!  T1004-A");
    const note = lines.findIndex((l) => l.startsWith("! T1004-A: "));
    expect(lines[note]).toMatch(/postal code/i);
    expect(lines.slice(note).find((l) => l.startsWith("  Fix:"))).toStartWith('  Fix: correct the address here: "Yes, change an order" > the order > Address');
    for (const l of lines) expect(Bun.stringWidth(l)).toBeLessThanOrEqual(120);
    expect(batchHeadline(r)).toBe("5 orders without a label: 4 can ship, 1 has problems to fix first (not selectable).");
  });

  test("leaving orders out keeps only the chosen ones, and never lets a problem order in", async () => {
    const r = keepOnly(await review(), ["T1000-A", "T1002-A", "T1004-A"]);
    expect([...r.selected]).toEqual(["T1000-A", "T1002-A"]);
    expect(batchChoice(r)).toBe(
      `2 orders in the batch; left out: T1001-A (Élodie Tremblay), T1003-A (Liam O'Connor). Left out of this batch only: the next run (--auto too) buys their labels; to keep an order back, hold it ("Yes, change an order" > the order > Hold).`,
    );
    expect(shipOptions(r).only).toEqual(["T1000-A", "T1002-A"]);
  });

  test("a weight typed for an order shows at once and goes to the run only for orders in the batch", async () => {
    let r = keepOnly(await review(), ["T1000-A", "T1001-A"]);
    r = withWeight(r, "T1000-A", 2.5);
    r = withWeight(r, "T1002-A", 4); // left out: never sent
    expect(rowOfOrder(r, "T1000-A")).toMatchObject({ weightKg: 2.5, weightFrom: "set now" });
    const options = shipOptions(r);
    expect(options.only).toEqual(["T1000-A", "T1001-A"]);
    expect([...options.weights]).toEqual([["T1000-A", 2.5]]);
  });

  test("the confirm says how many labels, what they cost, SANDBOX, or LIVE and billed", () => {
    expect(confirmText(7, "live", { due: 84.21, unpriced: 0 })).toBe("Buy 7 labels for $84.21 (taxes included) from Canada Post (LIVE: billed to your Canada Post account)?");
    expect(confirmText(7, "sandbox", { due: 70.5, unpriced: 1 })).toBe("Buy 7 labels for $70.50 (taxes included; 1 without a price) from Canada Post (SANDBOX)?");
    expect(confirmText(2, "sandbox", { due: 0, unpriced: 2 })).toBe("Buy 2 labels from Canada Post (SANDBOX)?");
    expect(confirmText(4, "sandbox")).toBe("Buy 4 labels from Canada Post (SANDBOX)?");
    expect(confirmText(1, "sandbox")).toBe("Buy 1 label from Canada Post (SANDBOX)?");
    expect(confirmText(3, "live")).toBe("Buy 3 labels from Canada Post (LIVE: billed to your Canada Post account)?");
  });
});

describe("weight typed by the clerk", () => {
  test("accepts kg with a point, a comma or a unit; refuses 0, over 30 kg and words", () => {
    expect(parseWeight("2.5")).toEqual({ ok: true, kg: 2.5 });
    expect(parseWeight(" 2,5 kg ")).toEqual({ ok: true, kg: 2.5 });
    expect(parseWeight(".75")).toEqual({ ok: true, kg: 0.75 });
    expect(parseWeight("30")).toEqual({ ok: true, kg: 30 });
    expect(parseWeight("1.23456")).toEqual({ ok: true, kg: 1.235 });
    expect(parseWeight("0")).toMatchObject({ ok: false, message: "The weight must be more than 0 kg." });
    expect(parseWeight("30.001")).toMatchObject({ ok: false, message: expect.stringContaining("at most 30 kg") });
    expect(parseWeight("-1")).toMatchObject({ ok: false, message: expect.stringContaining("not a weight") });
    expect(parseWeight("abc")).toMatchObject({ ok: false, message: expect.stringContaining("not a weight") });
    expect(parseWeight("")).toMatchObject({ ok: false, message: expect.stringContaining("in kg") });
    expect(parseWeight(undefined)).toMatchObject({ ok: false });
  });

  test("the preset question names the SKU, per unit when the order holds several", async () => {
    const r = await review();
    expect(presetQuestion(rowOfOrder(r, "T1000-A")!, 2.5)).toBe("Save 2.5 kg as the preset weight of SKU SKU-0, for every order of it?");
    expect(presetQuestion(rowOfOrder(r, "T1001-A")!, 3)).toBe("Save 1.5 kg per unit (3 kg / 2) as the preset weight of SKU SKU-1?");
    expect(presetQuestion(rowOfOrder(r, "T1003-A")!, 3)).toBeUndefined();
  });
});

describe("saving a change (real PostgreSQL)", () => {
  test("as the SKU's preset: sku_packages gets the weight per unit, its box size kept, and the order reads it", async () => {
    await t.db.query(setSkuSizeSql, ["SKU-1", 0.4]);
    const row = rowOfOrder(await review(), "T1001-A")!;
    expect(row).toMatchObject({ weightKg: 0.8, weightFrom: "SKU preset" });
    expect(await saveWeight(t.db, row, 3, true)).toBe("Saved 1.5 kg as the preset weight of SKU SKU-1.");
    expect((await t.db.query(skuPackageSql, ["SKU-1"]))[0]).toEqual({ sku: "SKU-1", weight_kg: 1.5, length_cm: 40 });
    expect(rowOfOrder(await review(), "T1001-A")).toMatchObject({ weightKg: 3, weightFrom: "SKU preset" });
    expect((await orderRow("T1001-A")).weight_override_kg).toBeNull();
  });

  test("for this order only: orders.weight_override_kg, and the SKU's preset is left alone", async () => {
    const row = rowOfOrder(await review(), "T1000-A")!;
    expect(await saveWeight(t.db, row, 2.25, false)).toBe("Saved 2.25 kg on order T1000-A.");
    expect(await orderRow("T1000-A")).toMatchObject({ weight_override_kg: 2.25 });
    expect(await t.db.query(skuPackageSql, ["SKU-0"])).toEqual([]);
    expect(rowOfOrder(await review(), "T1000-A")).toMatchObject({ weightKg: 2.25, weightFrom: "set for this order" });
  });

  test("an order of several SKUs never writes a preset, even when asked", async () => {
    const row = rowOfOrder(await review(), "T1003-A")!;
    expect(await saveWeight(t.db, row, 5, true)).toBe("Saved 5 kg on order T1003-A.");
    expect(await orderRow("T1003-A")).toMatchObject({ weight_override_kg: 5 });
    expect(await t.db.query(skuPackageSql, ["SKU-A"])).toEqual([]);
  });

  test("a service is stored on the order and the run reads it from there", async () => {
    expect(await saveService(t.db, "T1002-A", "DOM.XP")).toEqual({ ok: true, message: "Order T1002-A will ship DOM.XP (Xpresspost); the next shipdesk ship buys its label with it." });
    expect(await orderRow("T1002-A")).toMatchObject({ service_override: "DOM.XP" });
    expect(rowOfOrder(await review(), "T1002-A")!.service).toBe("DOM.XP");
  });

  test("fixing a too-heavy order brings it into the batch; orders left out stay out", async () => {
    const heavyId = "T1010-A";
    await insertOrders(t.db, [testOrder(10, { order_id: heavyId, order_lines: [{ offer_sku: "SKU-HEAVY", quantity: 2 }] })]);
    await t.db.query(setSkuSizeSql, ["SKU-HEAVY", 20]);
    let r: Review = keepOnly(await review(), ["T1000-A", "T1001-A"]);
    expect(rowOfOrder(r, heavyId)).toMatchObject({ weightKg: 40, selectable: false });
    expect(rowOfOrder(r, heavyId)!.problems.join(" ")).toContain("30 kg limit");

    const heavy = rowOfOrder(r, heavyId)!;
    await saveWeight(t.db, heavy, 12, false);
    r = refreshReview(withWeight(r, heavyId, 12), await shippableOrders(deps()));
    expect(rowOfOrder(r, heavyId)).toMatchObject({ weightKg: 12, selectable: true, problems: [] });
    expect([...r.selected].sort()).toEqual(["T1000-A", "T1001-A", heavyId]);
  });
});

describe("refused and voided labels in the review", () => {
  test("listed with why, left out of the batch; changed, the order joins it; the run is told which to buy again", async () => {
    await insertOrders(t.db, [testOrder(20, { order_id: "T-REFUSED" }), testOrder(21, { order_id: "T-VOIDED" })]);
    await t.db.query(labelRowSql, ["T-REFUSED", "label_failed", "Canada Post refused the label: Service DOM.ZZ is not available for this contract. (3000).", null, null]);
    await t.db.query(labelRowSql, ["T-VOIDED", "voided", null, "7000000000000099", "wrong box"]);
    const orders = [...(await shippableOrders(deps())), ...(await ordersToBuyAgain(deps()))];
    let r = startReview(orders);
    expect(rowOfOrder(r, "T-REFUSED")).toMatchObject({ selectable: true, again: { kind: "refused", reason: "Canada Post refused the label: Service DOM.ZZ is not available for this contract. (3000)." } });
    expect(rowOfOrder(r, "T-VOIDED")).toMatchObject({ selectable: true, again: { kind: "voided", reason: "Its label (PIN 7000000000000099) was cancelled (wrong box); no new label was bought." } });
    expect(r.selected.has("T-REFUSED")).toBe(false);
    expect(r.selected.has("T-VOIDED")).toBe(false);
    const table = batchTable(r.rows).join("\n");
    // Canada Post's words once, not "Refused by Canada Post: Canada Post refused the label: …".
    expect(table).toContain("\n! T-REFUSED: Canada Post refused the label: Service DOM.ZZ is not available for this contract. (3000).\n");
    expect(table).not.toContain("refused the label: Canada Post refused");
    expect(table).toContain("  Left out: put it in the batch to buy again, built as it is now");
    expect(batchHeadline(r)).toContain("2 refused or voided before, left out until you put them in.");

    // The clerk changes the refused order's service: that was the point, so it joins the batch.
    expect((await saveService(t.db, "T-REFUSED", "DOM.RP")).ok).toBe(true);
    r = refreshReview(r, [...(await shippableOrders(deps())), ...(await ordersToBuyAgain(deps()))], "T-REFUSED");
    expect(rowOfOrder(r, "T-REFUSED")!.service).toBe("DOM.RP");
    expect(r.selected.has("T-REFUSED")).toBe(true);
    r = keepOnly(r, [...r.selected, "T-VOIDED"]);
    const options = shipOptions(r);
    expect(options.refused).toEqual(["T-REFUSED"]);
    expect(options.voided).toEqual(["T-VOIDED"]);
    expect(options.only).not.toContain("T-REFUSED");
  });
});

describe("progress and summary", () => {
  test("progress counts this batch's labels as they are saved", () => {
    const p = startProgress(["A", "B", "C", "D", "E"]);
    expect(progressText(p)).toBe("0/5 bought...");
    for (const id of ["A", "B", "C"]) {
      advance(p, { type: "created", orderId: id, pin: "1" });
      advance(p, { type: "saved", orderId: id, pin: "1", path: "x" });
    }
    advance(p, { type: "rejected", orderId: "D", message: "no" });
    advance(p, { type: "saved", orderId: "OLD", pin: "2", path: "y" });
    expect(progressText(p)).toBe("3/5 bought... (1 refused, 1 from an earlier run finished)");
  });

  test("the summary keeps Canada Post's words and says how to retry", () => {
    const s = emptySummary();
    s.created.push("A", "B");
    s.failed.push({ orderId: "C", message: "Canada Post: 9111 The destination postal code is not valid." });
    s.skipped.push({ orderId: "D", reasons: ["The postal code is missing."] });
    const blocks = summaryBlocks(s);
    expect(blocks[0]).toEqual({ tone: "success", text: "2 label(s) bought and saved: A, B" });
    expect(blocks[1]!.tone).toBe("error");
    expect(blocks[1]!.text).toContain("9111 The destination postal code is not valid.");
    expect(blocks[1]!.text).toContain("shipdesk ship --retry C");
    expect(blocks[2]).toEqual({ tone: "warn", text: "D: not shipped: The postal code is missing." });
  });

  test("the summary says a cause many labels share once: the labels folder with every PIN, one refusal with every order", () => {
    const s = emptySummary();
    const folder = "The labels folder /x/labels is not a folder; point labels_dir at a folder (the label is paid for and kept at Canada Post, and the next run saves it).";
    s.bought.push("A", "B", "C");
    s.notSaved.push({ orderId: "A", pin: "111", message: folder }, { orderId: "B", pin: "222", message: folder });
    s.failed.push({ orderId: "D", message: "Service DOM.ZZ is not available (3000)." }, { orderId: "E", message: "Service DOM.ZZ is not available (3000)." });
    const texts = summaryBlocks(s).map((b) => b.text);
    expect(texts).toContain(`2 label(s) bought but not saved: A (PIN 111), B (PIN 222).\n  ${folder}\n  Once that is fixed, shipdesk ship saves them (downloaded again, never bought again).`);
    expect(texts.filter((t) => t.includes("DOM.ZZ"))).toEqual([
      "2 orders (D and E): Canada Post refused the label: Service DOM.ZZ is not available (3000).\n  Fix it (the setting, the service or the address), then buy again: run shipdesk and put them in the batch, or shipdesk ship --retry D --retry E",
    ]);
  });

  test("no browser is tried on a Linux machine without a desktop", () => {
    expect(openerFor("linux", {})).toBeUndefined();
    expect(openerFor("linux", { DISPLAY: ":0" })).toEqual(["xdg-open"]);
    expect(openerFor("win32", {})?.[0]).toBe("rundll32");
  });
});
