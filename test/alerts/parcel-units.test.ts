// The parcel watch's items (issue 27) alert like every other status item, with no code of their
// own: one unit per parcel, told again only when what the clerk must do changes.
import { expect, test } from "bun:test";
import { unitsOf } from "../../src/alerts/problems.ts";
import type { Attention } from "../../src/status/index.ts";

const waiting = (fix: string, reason = "Delivery attempted 2026-12-07 14:02; notice card left"): Attention => ({
  orderId: "P-1",
  orderIds: ["P-1"],
  kind: "parcel_attempted",
  reason,
  fix,
  since: new Date("2026-12-07T19:02:00Z"),
  code: null,
  details: [],
});

test("a parcel waiting at a post office is one unit keyed by its order; the same item twice is not new, a new post office or last day is", () => {
  const first = unitsOf(waiting("Call the customer: the parcel waits at the post office at 55 Queen St W until 2026-12-22."));
  expect(first).toEqual([{ key: "parcel_attempted:P-1", fingerprint: expect.any(String), orderId: "P-1" }]);
  const again = unitsOf(waiting("Call the customer: the parcel waits at the post office at 55 Queen St W until 2026-12-22."));
  expect(again[0]!.fingerprint).toBe(first[0]!.fingerprint);
  const moved = unitsOf(waiting("Call the customer: the parcel waits at the post office at 10 King St E until 2026-12-22."));
  expect(moved[0]!.fingerprint).not.toBe(first[0]!.fingerprint);
});
