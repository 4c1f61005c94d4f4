// The sandbox's calendar is its own (src/sandbox/calendar.ts), written apart from production's
// (src/common/calendar.ts) so that a mistake in either shows here instead of
// agreeing with itself in every delivery-date test.
import { describe, expect, test } from "bun:test";
import { addBusinessDays as productionAddBusinessDays, localDay as isoDay } from "../../src/common/calendar.ts";
import { addBusinessDays, localDate } from "../../src/sandbox/calendar.ts";

const DAY = 86_400_000;

describe("the sandbox's calendar", () => {
  test("business days by hand: weekends skipped, a weekend mailing counts from Monday, across months and years", () => {
    expect(addBusinessDays("2026-12-04", 1)).toBe("2026-12-07"); // Friday + 1: Monday
    expect(addBusinessDays("2026-12-05", 0)).toBe("2026-12-07"); // Saturday: Monday
    expect(addBusinessDays("2026-12-06", 1)).toBe("2026-12-08"); // Sunday + 1: Tuesday
    expect(addBusinessDays("2026-12-07", 5)).toBe("2026-12-14"); // a whole week
    expect(addBusinessDays("2026-12-31", 1)).toBe("2027-01-01"); // Thursday into the new year
    expect(addBusinessDays("2028-02-28", 2)).toBe("2028-03-01"); // a leap year's February
    expect(addBusinessDays("1969-12-31", 2)).toBe("1970-01-02"); // before day 0
  });

  test("it agrees with production's business days on every mailing day of two years, 0 to 12 days", () => {
    const start = Date.UTC(2026, 0, 1);
    const disagree: string[] = [];
    for (let d = 0; d < 731; d++) {
      const ymd = new Date(start + d * DAY).toISOString().slice(0, 10);
      for (let n = 0; n <= 12; n++) {
        const mine = addBusinessDays(ymd, n);
        const theirs = productionAddBusinessDays(ymd, n);
        if (mine !== theirs) disagree.push(`${ymd} + ${n}: sandbox ${mine}, production ${theirs}`);
      }
    }
    expect(disagree).toEqual([]);
  });

  test("the local day agrees with production's on both sides of midnight and of the DST changes", () => {
    const instants = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((h) => [new Date(2026, 2, 8, h, 30), new Date(2026, 10, 1, h, 30)]);
    instants.push(new Date(2026, 11, 31, 23, 59, 59), new Date(2027, 0, 1, 0, 0, 0), new Date(Date.UTC(2026, 5, 1, 3, 0)));
    for (const at of instants) {
      expect(localDate(at, "-")).toBe(isoDay(at));
      expect(localDate(at, "")).toBe(isoDay(at).replaceAll("-", ""));
    }
  });
});
