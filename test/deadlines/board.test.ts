// The deadline board: open orders earliest deadline first, what stands in each one's way, and the
// orders that will miss their deadline today unless someone acts (what the alerts call).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { deadlineBoard, missingDeadlineToday } from "../../src/deadlines/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import insertOrderSql from "./insert_order.sql" with { type: "text" };
import insertShipmentSql from "./insert_shipment.sql" with { type: "text" };
import holdOrderSql from "./hold_order.sql" with { type: "text" };
import setProblemSql from "./set_problem.sql" with { type: "text" };
import { useTimeZone } from "../support/time-zone.ts";

// 10:00 in Toronto.
const NOW = new Date("2026-12-03T15:00:00Z");
const inHours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

let t: TestDatabase;
useTimeZone("America/Toronto");
beforeAll(async () => {
  t = await freshServerDatabase("board");
  const order = (id: string, deadline: string | null, status = "accepted") => t.db.query(insertOrderSql, [id, status, deadline, null]);
  await order("B-LATER", inHours(50));
  await order("B-OVERDUE", inHours(-1));
  await order("B-TODAY-PROBLEM", inHours(2));
  await t.db.query(setProblemSql, ["B-TODAY-PROBLEM", 'The postal code "K1A 0Z" is not a valid Canadian postal code.']);
  await order("B-TODAY-HELD", inHours(3));
  await t.db.query(holdOrderSql, ["B-TODAY-HELD"]);
  await order("B-REFUSED-OVERDUE", inHours(-2));
  await t.db.query(insertShipmentSql, ["B-REFUSED-OVERDUE", "label_failed", null, null, "Canada Post refused the label: Service DOM.EP is not available for this contract. (3000)."]);
  await order("B-TOMORROW-REFUSED", inHours(26));
  await t.db.query(insertShipmentSql, ["B-TOMORROW-REFUSED", "label_failed", null, null, "Canada Post refused the label: no."]);
  await order("B-AWAITING-TRACKING", inHours(1));
  await t.db.query(insertShipmentSql, ["B-AWAITING-TRACKING", "label_created", "PIN-1", null, null]);
  await order("B-NO-DEADLINE", null);
  await order("B-SHIPPED", inHours(-5), "shipped");
});
afterAll(async () => {
  await t.drop();
});

test("the open orders, earliest deadline first, each with the time left and what stands in its way", async () => {
  const board = await deadlineBoard(t.db, NOW);
  expect(board.map((r) => r.orderId)).toEqual([
    "B-REFUSED-OVERDUE",
    "B-OVERDUE",
    "B-AWAITING-TRACKING",
    "B-TODAY-PROBLEM",
    "B-TODAY-HELD",
    "B-TOMORROW-REFUSED",
    "B-LATER",
    "B-NO-DEADLINE",
  ]);
  const by = Object.fromEntries(board.map((r) => [r.orderId, r]));
  expect(by["B-OVERDUE"]!.timeLeft.text).toBe("ships by today 09:00 — overdue by 1 h");
  expect(by["B-TODAY-PROBLEM"]!.timeLeft.text).toBe("ships by today 12:00 — 2 h");
  expect(by["B-LATER"]!.timeLeft.text).toBe("ships by Sat 2026-12-05 12:00 — 2 d 2 h");
  expect([by["B-TODAY-PROBLEM"]!.state, by["B-TODAY-PROBLEM"]!.stateText]).toEqual(["cannot_ship", 'The postal code "K1A 0Z" is not a valid Canadian postal code.']);
  expect(by["B-TODAY-HELD"]!.state).toBe("held");
  expect(by["B-TODAY-HELD"]!.stateText).toMatch(/^on hold since \d{4}-\d\d-\d\d \d\d:\d\d \(clerk@desk\): no run buys it until released$/);
  expect(by["B-REFUSED-OVERDUE"]!.state).toBe("refused");
  expect(by["B-AWAITING-TRACKING"]!.state).toBe("awaiting_tracking");
  expect(by["B-LATER"]!.state).toBe("waiting_label");
  // What stands out: overdue, due today, or blocked; nothing else.
  expect(board.filter((r) => r.standsOut).map((r) => r.orderId)).toEqual([
    "B-REFUSED-OVERDUE",
    "B-OVERDUE",
    "B-AWAITING-TRACKING",
    "B-TODAY-PROBLEM",
    "B-TODAY-HELD",
    "B-TOMORROW-REFUSED",
  ]);
});

test("orders that will miss their deadline today unless someone acts: due today or overdue, and blocked", async () => {
  const atRisk = await missingDeadlineToday(t.db, NOW);
  expect(atRisk.map((r) => r.orderId)).toEqual(["B-REFUSED-OVERDUE", "B-TODAY-PROBLEM", "B-TODAY-HELD"]);
  // Neither an overdue order the next run ships by itself, nor a refusal due tomorrow.
  expect(atRisk.map((r) => r.orderId)).not.toContain("B-OVERDUE");
  expect(atRisk.map((r) => r.orderId)).not.toContain("B-TOMORROW-REFUSED");
});
