// `bun bench/run.ts startup own shared`: only some sections run. Their rows replace the rows of
// the same name in BENCHMARKS.md (new ones go after the row before them), the rest are kept as
// the last whole run left them, and the header says which rows this run measured.
import type { Machine } from "./machine.ts";
import { ms, table, type Row } from "./report.ts";

const tableCells = (line: string): string[] => line.slice(2, -2).split(" | ");

function rowOf(line: string): Row {
  const [measure = "", value = "", baseline = "", ratio = "", goal = "", met = ""] = tableCells(line);
  return { measure, value, baseline, ratio, goal, met: met === "yes" ? true : met === "**no**" ? false : undefined };
}

/** The earlier rows with `fresh` merged in by name; rows named in `retired` are dropped. */
export function mergeRows(earlier: readonly Row[], fresh: readonly Row[], retired: readonly string[]): Row[] {
  const rows = earlier.filter((r) => !retired.includes(r.measure));
  let after = -1;
  for (const row of fresh) {
    const at = rows.findIndex((r) => r.measure === row.measure);
    if (at >= 0) {
      rows[at] = row;
      after = at;
    } else {
      after = after >= 0 ? after + 1 : rows.length;
      rows.splice(after, 0, row);
    }
  }
  return rows;
}

/** `section` (a "## " heading and its text) in place of the one of that heading, or at the end. */
function withSection(text: string, note: string): string {
  const section = note.trimStart();
  const heading = section.split("\n")[0]!;
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) return `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  const next = text.indexOf("\n## ", start + heading.length);
  return `${text.slice(0, start)}${section.trimEnd()}\n${next < 0 ? "" : text.slice(next)}`;
}

export function partialMarkdown(earlier: string, m: Machine, sections: readonly string[], fresh: readonly Row[], retired: readonly string[], section: string, totalMs: number): string {
  const lines = earlier.split("\n");
  const first = lines.findIndex((l) => l.startsWith("| Measure |"));
  let last = first;
  while (lines[last + 1]?.startsWith("| ")) last++;
  const rows = mergeRows(lines.slice(first + 2, last + 1).map(rowOf), fresh, retired);
  const said = `- Rows of \`bun bench/run.ts ${sections.join(" ")}\` (${ms(totalMs)}) measured again on ${m.date}, load average ${m.loadAtStart.toFixed(1)} at the start, ${m.loadAtEnd?.toFixed(1) ?? "?"} at the end; the other rows and the notes' figures are the whole run's above`;
  const header = lines.slice(0, first).filter((l) => !l.startsWith("- Rows of `bun bench/run.ts "));
  const blank = header.lastIndexOf("");
  header.splice(blank, 0, said);
  return withSection([...header, table(rows), ...lines.slice(last + 1)].join("\n"), section);
}
