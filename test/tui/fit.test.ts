// The desk fits its text to the terminal: tables cut by column priority ("…"), sentences wrapped
// between words, a shared cause said once with the count.
import { expect, test } from "bun:test";
import { fitTable, textWidth, truncate, wrapWords } from "../../src/tui/fit.ts";
import { batchTable, rowLabels } from "../../src/tui/table.ts";
import { summaryBlocks } from "../../src/tui/summary.ts";
import { emptySummary } from "../../src/shipping/index.ts";
import type { ReviewRow } from "../../src/tui/batch.ts";

const NOW = new Date(2026, 11, 3, 14, 50);
const at = (h: number, m = 0) => new Date(2026, 11, 3, h, m);

function row(i: number, over: Partial<ReviewRow> = {}): ReviewRow {
  return {
    orderId: `2420001${String(i).padStart(2, "0")}-A`,
    name: ["Arjun Haddad", "Emma O'Brien", "Jérôme Côté-Lafontaine", "Chloe Kowalski"][i % 4]!,
    place: ["Halifax, NS", "Vancouver, BC", "Trois-Rivières, QC", "Saint-Jean-sur-Richelieu, QC"][i % 4]!,
    service: "DOM.RP",
    price: 24.81 + i,
    arrives: "2026-12-11",
    serviceNote: undefined,
    warn: false,
    weightKg: 1,
    weightFrom: "SKU presets + default parcel",
    problems: [],
    fix: undefined,
    address: "1 Main St",
    selectable: true,
    singleSku: undefined,
    again: undefined,
    deadline: at(17, i),
    promise: { deliverBy: undefined, shipBy: "2026-12-03" },
    held: undefined,
    ...over,
  };
}

test("a word is never split: lines break between words, a continuation keeps the indent", () => {
  const text = "Stopped: nothing is bought. The labels folder /var/shipdesk/labels is full; free some room, then run shipdesk again.";
  for (const width of [20, 33, 47, 76]) {
    const lines = wrapWords(text, width);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
    expect(lines.join(" ").replace(/ +/g, " ")).toBe(text);
    for (const word of text.split(" ")) expect(lines.some((l) => l.includes(word))).toBe(true);
  }
  expect(wrapWords("  Fix: correct the address of the order in shipdesk", 24)).toEqual(["  Fix: correct the", "  address of the order", "  in shipdesk"]);
  expect(wrapWords("! A: one two three four", 12)).toEqual(["! A: one two", "  three four"]);
  // Only a word longer than the whole line is cut: there is no other way to show it.
  expect(wrapWords("see /a/very/long/path/to/a/file.pdf now", 12).every((l) => textWidth(l) <= 12)).toBe(true);
});

test("a cell too long ends in …; the least important columns are narrowed, then left out, never a line wider", () => {
  expect(truncate("Saint-Jean-sur-Richelieu", 10)).toBe("Saint-Jea…");
  expect(truncate("Québec", 10)).toBe("Québec");
  const cols = [
    { title: "Order", priority: 0, cell: (r: string[]) => r[0]! },
    { title: "Name", priority: 2, min: 6, cell: (r: string[]) => r[1]! },
    { title: "Weight", priority: 3, cell: (r: string[]) => r[2]! },
  ];
  const rows = [["A-1", "Jérôme Côté-Lafontaine", "1 kg (default parcel)"]];
  expect(fitTable(cols, rows, 80).lines).toEqual(["Order  Name                    Weight", "A-1    Jérôme Côté-Lafontaine  1 kg (default parcel)"]);
  const narrow = fitTable(cols, rows, 36);
  expect(narrow.dropped).toEqual([]);
  expect(narrow.lines[1]).toBe("A-1    Jérôm…  1 kg (default parcel)");
  const narrower = fitTable(cols, rows, 20);
  expect(narrower.dropped).toEqual(["Weight"]);
  expect(narrower.lines).toEqual(["Order  Name", "A-1    Jérôme Côté-…"]);
});

test("at 80 columns the review table and the pickers fit: the order, its deadline and time left, service and price stay", () => {
  const rows = [0, 1, 2, 3].map((i) => row(i));
  for (const width of [74, 114, 154]) {
    const lines = batchTable(rows, width, NOW);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
    expect(lines[1]).toContain("242000100-A");
    expect(lines[1]).toContain("today 17:00 — 2 h 10 min");
    expect(lines[1]).toMatch(/DOM\.RP\s+\$24\.81/);
  }
  expect(batchTable(rows, 74, NOW).slice(5).join(" ")).toBe("(City, Arrives, Weight: not shown in a window this narrow; widen it to see them.)");
  for (const label of rowLabels(rows, 74, NOW).values()) expect(textWidth(label)).toBeLessThanOrEqual(74);
});

test("eight orders refused for one cause: said once, with the count and every order, under the table and in the summary", () => {
  const reason = "Canada Post refused the label: Service DOM.EP is not available for this contract. (3000).";
  const rows = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => row(i, { again: { kind: "refused", reason } }));
  const lines = batchTable(rows, 74, NOW);
  for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(74);
  const text = lines.join("\n").replace(/\n +/g, " ");
  expect(text.split("Service DOM.EP is not available").length - 1).toBe(1);
  expect(text).toContain("! 8 orders (242000100-A, 242000101-A, 242000102-A, 242000103-A, 242000104-A, 242000105-A, 242000106-A and 242000107-A): Canada Post refused the label: Service DOM.EP is not available for this contract. (3000).");
  expect(text).toContain("Left out: put them in the batch to buy again, built as they are now");
  expect(text).not.toContain("Canada Post refused the label: Canada Post refused the label");

  const summary = emptySummary();
  summary.failed = rows.map((r) => ({ orderId: r.orderId, message: reason }));
  const blocks = summaryBlocks(summary).filter((b) => b.tone === "error");
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!.text).toStartWith(`8 orders (242000100-A, 242000101-A, 242000102-A, 242000103-A, 242000104-A, 242000105-A, 242000106-A and 242000107-A): ${reason}`);
  expect(blocks[0]!.text).not.toContain("Canada Post refused the label: Canada Post refused the label");
});
