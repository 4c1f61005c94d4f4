// The bench's table, printed and written to BENCHMARKS.md.
import type { Machine } from "./machine.ts";

export interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: boolean | undefined;
}

export const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
export const mb = (x: number) => `${x.toFixed(0)} MB`;
export const times = (x: number) => `${x.toFixed(2)}×`;

export function table(rows: readonly Row[]): string {
  const head = ["Measure", "Figure", "Baseline (same run)", "Ratio", "Goal", "Met"];
  const cells = rows.map((r) => [r.measure, r.value, r.baseline, r.ratio, r.goal, r.met === undefined ? "–" : r.met ? "yes" : "**no**"]);
  return [head, head.map(() => "---"), ...cells].map((c) => `| ${c.join(" | ")} |`).join("\n");
}

export function markdown(m: Machine, rows: readonly Row[], notes: string, totalMs: number): string {
  return `# Benchmarks

Written by \`bun run bench\` (bench/run.ts); do not edit by hand. Figures compare within this one
run on this one machine, never across machines: read the ratios, not the absolute times.

- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB memory; ${m.os}
- Bun ${m.bun}; ${m.date}; load average ${m.loadAtStart.toFixed(1)} at the start, ${m.loadAtEnd?.toFixed(1) ?? "?"} at the end
- Whole \`bun run bench\`: ${ms(totalMs)}

${table(rows)}

${notes}
`;
}
