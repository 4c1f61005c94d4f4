// The batch a run works through (--auto, ship, the desk) is in Best Buy's deadline order: the
// order due first gets its label first, whatever order the orders came in.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { runShipping, shippableOrders, type ShippingEvent } from "../../src/shipping/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import setDeadlineSql from "./set_deadline.sql" with { type: "text" };

let t: TestDatabase;
let cp: RunningCanadaPostSandbox;
const labels = tempDir("deadline-order");
beforeAll(async () => {
  cp = startCanadaPostSandbox();
  t = await freshServerDatabase("deadline_order");
});
afterAll(async () => {
  await cp.stop();
  await t.drop();
  labels.remove();
});

test("labels are bought earliest deadline first; orders without a deadline last, in the order they came", async () => {
  // Imported in this order (T1000 first); the deadlines say otherwise.
  await insertOrders(t.db, [testOrder(0), testOrder(1), testOrder(2), testOrder(3), testOrder(4)]);
  const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  await t.db.query(setDeadlineSql, ["T1000-A", hour(30)]);
  await t.db.query(setDeadlineSql, ["T1002-A", hour(-2)]); // overdue: first
  await t.db.query(setDeadlineSql, ["T1003-A", hour(3)]);
  await t.db.query(setDeadlineSql, ["T1004-A", "not a date"]);
  const settings = sandboxSettings(labels.path, { concurrency: 1 });
  const events: ShippingEvent[] = [];
  expect((await shippableOrders({ db: t.db, settings })).map((s) => s.order.order_id)).toEqual(["T1002-A", "T1003-A", "T1000-A", "T1001-A", "T1004-A"]);
  await runShipping(shippingDeps(t.db, settings, cp.url, events));
  expect(events.flatMap((e) => (e.type === "claimed" ? [e.orderId] : []))).toEqual(["T1002-A", "T1003-A", "T1000-A", "T1001-A", "T1004-A"]);
});
