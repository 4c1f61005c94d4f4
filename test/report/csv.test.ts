// The bookkeeper's CSV: text from outside never read as a formula by a spreadsheet; each row says
// whether it counts and for how much, and the total is the sum of those; times local, with offset.
import { expect, test } from "bun:test";
import { labelsCsv, type DayLabel } from "../../src/report/index.ts";
import { useTimeZone } from "../support/time-zone.ts";

useTimeZone("America/Vancouver");

const label = (over: Partial<DayLabel>): DayLabel => ({
  order_id: "R-1",
  tracking_pin: "7000000000000001",
  service_code: "DOM.EP",
  status: "label_created",
  bought_at: new Date("2026-12-04T03:30:00Z"),
  quoted_due: 12.5,
  charged_due: 12.75,
  charged_taxes: 1.47,
  expected_delivery: "2026-12-08",
  weight_kg: 1,
  customer_name: "Ana Lopez",
  ship_city: "Laval",
  ship_province: "QC",
  ship_postal_code: "H7N 1A1",
  late_refund: null,
  claim_by: null,
  ...over,
});

/** The CSV's cells, quotes undone (RFC 4180). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (out.push(cell), (cell = ""));
    else cell += c;
  }
  return [...out, cell];
}

test("a cell beginning with = + - @ (or a tab or carriage return) is text to a spreadsheet, not a formula", () => {
  const names = ['=HYPERLINK("http://evil.example","click")', "+1 555 0100", "-2+3", "@SUM(A1:A9)", "\tTabbed", "\rReturned", "Élodie = fine"];
  const csv = labelsCsv(names.map((name, i) => label({ order_id: `R-${i}`, customer_name: name, ship_city: i === 0 ? "=cmd|' /C calc'!A0" : "Laval" })));
  const rows = csv.trimEnd().split("\r\n").slice(1, -1).map(cells);
  expect(rows.map((r) => r[10])).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'+1 555 0100", "'-2+3", "'@SUM(A1:A9)", "'\tTabbed", "'\rReturned", "Élodie = fine"]);
  expect(rows[0]![11]).toBe("'=cmd|' /C calc'!A0");
  // shipdesk's own numbers are left as numbers.
  expect(rows[0]![6]).toBe("12.75");
});

test("each row says whether it counts and for how much; the total is the sum of those, a refunded row listed but not counted", () => {
  const csv = labelsCsv([
    label({ order_id: "R-1", charged_due: 12.75 }),
    label({ order_id: "R-2", charged_due: null, quoted_due: 9.1 }),
    label({ order_id: "R-3", status: "refund_requested", charged_due: 30 }),
    label({ order_id: "R-4", status: "voided", charged_due: 11 }),
  ]);
  const [head, ...rest] = csv.trimEnd().split("\r\n").map(cells);
  const at = (name: string) => head!.indexOf(name);
  const rows = rest.slice(0, -1);
  expect(rows.map((r) => [r[0], r[at("counted")], r[at("amount")]])).toEqual([
    ["R-1", "yes", "12.75"],
    ["R-2", "yes", "9.10"],
    ["R-3", "no (refund requested)", ""],
    ["R-4", "no (voided)", ""],
  ]);
  const total = rest.at(-1)!;
  expect(total[0]).toBe("total");
  expect(total[at("counted")]).toBe("rows counted = yes");
  expect(total[at("amount")]).toBe("21.85");
  expect(rows.reduce((sum, r) => sum + Number(r[at("amount")] || 0), 0)).toBeCloseTo(21.85, 2);
});

test("bought_at is the local time with its offset (03:30 UTC is 19:30 the evening before in Vancouver)", () => {
  const [, row] = labelsCsv([label({})]).split("\r\n").map(cells);
  expect(row![4]).toBe("2026-12-03T19:30:00-08:00");
});
