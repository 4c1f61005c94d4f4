// Text that fits the clerk's terminal: tables cut to its width by column priority (a cell too
// long ends in "…"), sentences wrapped between words. A terminal that wraps by itself breaks box
// borders and splits words ("nothi / ng is bought"); nothing the desk prints is left to it.

import { textWidth, wrapWords } from "../common/wrap.ts";

export { textWidth, wrapWords };

/** The terminal's width; 80 when it does not say (a pipe, a test). */
export function screenColumns(out: { columns?: number | undefined } = process.stdout): number {
  const columns = out.columns;
  return typeof columns === "number" && columns >= 20 ? columns : 80;
}

/** `text` cut to `width` columns, ending in "…" when it was longer. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (textWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const pad = (text: string, width: number, right: boolean) => {
  const gap = " ".repeat(Math.max(0, width - textWidth(text)));
  return right ? gap + text : text + gap;
};

export interface Column<R> {
  title: string;
  cell(row: R): string;
  /** Lower is more important: the last to be narrowed, the last to be left out. 0: never left out. */
  priority: number;
  /** Narrowest it may be cut to (with "…"); its full width: never cut, only left out. */
  min?: number;
  right?: boolean;
}

export interface FittedTable {
  /** Header first, then one line per row, none wider than the width. */
  lines: string[];
  /** The titles of the columns left out for want of room. */
  dropped: string[];
}

/** Every column's width to fit `width`: the least important cut first, then left out; room left given back. */
function columnWidths<R>(columns: readonly Column<R>[], rows: readonly R[], width: number, gap: number): (number | undefined)[] {
  const natural = columns.map((c) => Math.max(textWidth(c.title), ...rows.map((r) => textWidth(c.cell(r)))));
  const widths: (number | undefined)[] = [...natural];
  const used = () => widths.reduce<number>((sum, w) => sum + (w === undefined ? 0 : w + gap), -gap);
  const leastFirst = columns.map((c, i) => i).sort((a, b) => columns[b]!.priority - columns[a]!.priority || b - a);
  for (const i of leastFirst) {
    const excess = used() - width;
    if (excess <= 0) break;
    const min = Math.min(natural[i]!, columns[i]!.min ?? natural[i]!);
    widths[i] = Math.max(min, widths[i]! - excess);
  }
  for (const i of leastFirst) {
    if (used() <= width) break;
    if (columns[i]!.priority > 0) widths[i] = undefined;
  }
  for (const i of [...leastFirst].reverse()) {
    const spare = width - used();
    if (spare <= 0) break;
    if (widths[i] !== undefined) widths[i] = Math.min(natural[i]!, widths[i]! + spare);
  }
  return widths;
}

/**
 * The rows as aligned columns within `width`: the least important columns are narrowed first
 * (down to their `min`, the cut cells ending in "…"), then left out; never a line wider.
 */
export function fitTable<R>(columns: readonly Column<R>[], rows: readonly R[], width: number, options: { header?: boolean; gap?: number } = {}): FittedTable {
  const gap = options.gap ?? 2;
  const widths = columnWidths(columns, rows, width, gap);
  const shown = columns.map((c, i) => ({ c, w: widths[i] })).filter((x): x is { c: Column<R>; w: number } => x.w !== undefined);
  const line = (cells: string[]) => truncate(cells.join(" ".repeat(gap)).trimEnd(), width);
  const lines = rows.map((r) => line(shown.map(({ c, w }) => pad(truncate(c.cell(r), w), w, c.right === true))));
  if (options.header !== false) lines.unshift(line(shown.map(({ c, w }) => pad(truncate(c.title, w), w, c.right === true))));
  return { lines, dropped: columns.filter((_, i) => widths[i] === undefined).map((c) => c.title) };
}
