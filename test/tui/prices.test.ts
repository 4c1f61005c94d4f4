// The review screen's prices: each order's service, price and delivery date from Get Rates, the
// batch's total in the headline and the confirm, and the run buying exactly what was shown.
import { beforeAll, expect, test } from "bun:test";
import { localDay } from "../../src/common/calendar.ts";
import { priceOrders } from "../../src/rates/index.ts";
import { orderToPrice, runShipping, shippableOrders } from "../../src/shipping/index.ts";
import { batchPrice, confirmText, keepOnly, rowOfOrder, shipOptions, startReview, withChoice } from "../../src/tui/batch.ts";
import { batchHeadline, batchTable } from "../../src/tui/table.ts";
import { fileScene } from "../support/file-scene.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox } from "../support/shipping.ts";
import setPromiseSql from "../rates/set_promise.sql" with { type: "text" };

const scene = fileScene("tui-prices", startCanadaPostSandbox);

beforeAll(async () => {
  await insertOrders(scene.db, [
    testOrder(0, { order_id: "P-1" }),
    testOrder(3, { order_id: "P-2" }),
    testOrder(1, { order_id: "P-3" }),
    testOrder(2, { order_id: "P-BAD", ship_postal_code: "00000" }),
  ]);
  // P-2 (Vancouver) was promised for today: nothing arrives in time.
  await scene.db.query(setPromiseSql, ["P-2", JSON.stringify({ delivery_date: { latest: `${localDay(new Date())}T23:00:00` } })]);
});

test("each order shows its service, price and delivery day; the total is the batch's; the run buys what was shown, once", async () => {
  const deps = shippingDeps(scene.db, sandboxSettings(scene.dir), scene.cp.url);
  const shippable = await shippableOrders(deps);
  const choices = await priceOrders(deps, shippable.filter((s) => s.problems.length === 0).map((s) => orderToPrice(s)));
  let review = startReview(shippable, choices);

  const lines = batchTable(review.rows);
  const p1 = rowOfOrder(review, "P-1")!;
  expect(p1.price).toBe(choices.get("P-1")!.quote!.due);
  expect(lines.find((l) => /^. {2}P-1 /.test(l))).toMatch(new RegExp(`DOM\\.RP\\s+\\$${p1.price!.toFixed(2).replace(".", "\\.")}\\s+.+\\s+${p1.arrives}\\s+1 kg`));
  // The late one is marked under the table with the reason; the problem order has no price.
  expect(lines).toContainEqual(expect.stringMatching(/^! P-2: DOM\.XP: no allowed service arrives in time/));
  expect(rowOfOrder(review, "P-BAD")!.price).toBeUndefined();

  const all = ["P-1", "P-2", "P-3"].reduce((sum, id) => sum + choices.get(id)!.quote!.due, 0);
  expect(batchPrice(review).due).toBeCloseTo(all, 2);
  expect(batchHeadline(review)).toEndWith(` The batch for $${all.toFixed(2)} (taxes included).`);

  review = keepOnly(review, ["P-1", "P-2"]);
  const two = choices.get("P-1")!.quote!.due + choices.get("P-2")!.quote!.due;
  expect(confirmText(review.selected.size, "sandbox", batchPrice(review))).toBe(`Buy 2 labels for $${two.toFixed(2)} (taxes included) from Canada Post (SANDBOX)?`);

  // The clerk changes P-1's service: its row and the total follow.
  review = withChoice(review, "P-1", { ...choices.get("P-1")!, serviceCode: "DOM.XP", reason: "clerk", note: "DOM.XP: chosen in the review screen" });
  expect(rowOfOrder(review, "P-1")!.service).toBe("DOM.XP");

  const summary = await runShipping({ ...deps }, shipOptions(review));
  expect(summary.created.sort()).toEqual(["P-1", "P-2"]);
  expect(scene.cp.state.labelsFor("P-1")[0]!.serviceCode).toBe("DOM.XP");
  expect(scene.cp.state.labelsFor("P-3")).toEqual([]);
  expect(scene.cp.state.callsTo("GetRates")).toBe(3); // the review's; none again at buying
});
