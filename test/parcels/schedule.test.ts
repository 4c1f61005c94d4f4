import { describe, expect, test } from "bun:test";
import { firstCheck, isQuiet, lateness, nextCheck, pastWatch, type ParcelState } from "../../src/parcels/index.ts";

// Local times, as the PC keeps them: 2026-12-04 is a Friday.
const at = (day: string, hour: number, minute = 0) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!, hour, minute);
};
const label = at("2026-12-01", 10);
const next = (state: ParcelState, now: Date, expected?: string) => nextCheck({ state, labelAt: label, expected }, now);

describe("when a parcel is next worth a tracking call", () => {
  test("not before its first scan can be in: the working morning after the label (a weekend label: mailed Monday)", () => {
    expect(firstCheck(at("2026-12-01", 10))).toEqual(at("2026-12-02", 9));
    expect(firstCheck(at("2026-12-04", 16))).toEqual(at("2026-12-07", 9));
    expect(firstCheck(at("2026-12-05", 11))).toEqual(at("2026-12-08", 9));
  });

  test("never again once delivered or returned", () => {
    expect(next("delivered", at("2026-12-03", 14))).toBeNull();
    expect(next("returned", at("2026-12-03", 14))).toBeNull();
  });

  test("on the way: every other working day, and at noon the day it is due", () => {
    expect(next("in_transit", at("2026-12-02", 9), "2026-12-08")).toEqual(at("2026-12-04", 12));
    expect(next("in_transit", at("2026-12-04", 12), "2026-12-08")).toEqual(at("2026-12-08", 12));
    expect(next("in_transit", at("2026-12-03", 9), "2026-12-04")).toEqual(at("2026-12-04", 12));
  });

  test("due today or late: every two hours, a last look at 17:00, then the next working morning", () => {
    expect(next("in_transit", at("2026-12-04", 12), "2026-12-04")).toEqual(at("2026-12-04", 14));
    expect(next("in_transit", at("2026-12-04", 16, 10), "2026-12-03")).toEqual(at("2026-12-04", 17));
    expect(next("in_transit", at("2026-12-04", 17, 5), "2026-12-04")).toEqual(at("2026-12-07", 9));
    expect(next("out_for_delivery", at("2026-12-04", 9, 30))).toEqual(at("2026-12-04", 10, 30));
  });

  test("waiting at a post office twice a day, on its way back daily, quiet every other working day", () => {
    expect(next("attempted", at("2026-12-04", 9))).toEqual(at("2026-12-04", 12));
    expect(next("attempted", at("2026-12-04", 12, 15))).toEqual(at("2026-12-04", 17));
    expect(next("attempted", at("2026-12-04", 17, 15))).toEqual(at("2026-12-07", 12));
    expect(next("returning", at("2026-12-04", 12))).toEqual(at("2026-12-07", 12));
    expect(next("stuck", at("2026-12-04", 12))).toEqual(at("2026-12-08", 12));
    expect(next("not_scanned", at("2026-12-02", 9))).toEqual(at("2026-12-03", 9));
  });

  test("stuck after so many working days without a scan (counted from the label when there is none); followed for watch.days", () => {
    expect(isQuiet(at("2026-12-01", 20), label, at("2026-12-03", 23), 3)).toBe(false);
    expect(isQuiet(at("2026-12-01", 20), label, at("2026-12-04", 9), 3)).toBe(true);
    expect(isQuiet(null, at("2026-12-04", 10), at("2026-12-08", 9), 3)).toBe(false);
    expect(isQuiet(null, at("2026-12-04", 10), at("2026-12-09", 9), 3)).toBe(true);
    expect(pastWatch(label, new Date(label.getTime() + 45 * 86_400_000), 45)).toBe(false);
    expect(pastWatch(label, new Date(label.getTime() + 45 * 86_400_000 + 1), 45)).toBe(true);
  });
});

describe("a late delivery", () => {
  test("after the promised day, unless a delivery was attempted by then; 30 working days to claim", () => {
    expect(lateness("2026-12-04", "2026-12-04")).toEqual({ late: false, claimBy: undefined });
    expect(lateness("2026-12-07", "2026-12-04")).toEqual({ late: true, claimBy: "2027-01-18" });
    expect(lateness("2026-12-09", "2026-12-04", "2026-12-04")).toEqual({ late: false, claimBy: undefined });
    expect(lateness("2026-12-09", "2026-12-04", "2026-12-07")).toEqual({ late: true, claimBy: "2027-01-20" });
    expect(lateness("2026-12-09", undefined)).toEqual({ late: false, claimBy: undefined });
  });
});
