// Issue 25's rows: the embedded database's host (src/db/host/) holds PGlite, so every embedded
// figure has two processes: the shipdesk that ran (a client) and the host it used.
import type { MeasuredBatch } from "./children.ts";
import type { HostUse } from "./plan.ts";
import { mb, ms, times, type Row } from "./report.ts";
import type { SharedBatch } from "./shared-batch.ts";
import type { Startup } from "./startup.ts";

/** Rows an earlier BENCHMARKS.md may hold under a name issue 25 made too vague. */
export const RETIRED_MEASURES = [
  "Start-up: shipdesk status, existing embedded database",
  "Peak RSS, shipdesk status, existing embedded database",
  "Own CPU per order, embedded (1000 orders)",
];

const hostOf = (b: MeasuredBatch): HostUse => {
  if (!b.host) throw new Error("bench: an embedded batch saw no database host");
  return b.host;
};

/** The embedded batches of the own-work section: the batch's process, then its host. */
export function embeddedBatchRows(server: MeasuredBatch, embedded: MeasuredBatch, existing: MeasuredBatch): Row[] {
  const cpuServer = server.cpuMs / server.orders;
  const [h1, h2] = [hostOf(embedded), hostOf(existing)];
  const cpuClient = embedded.cpuMs / embedded.orders;
  const cpuHost = h1.cpuMs / embedded.orders;
  const peak = (label: string, short: string, b: MeasuredBatch, h: HostUse, goal: number): Row[] => [
    {
      measure: `Peak RSS, 1000-order batch, ${label}`,
      value: mb(b.maxRssMb),
      baseline: `server ${mb(server.maxRssMb)}`,
      ratio: times(b.maxRssMb / server.maxRssMb),
      goal: `≤ ${goal} MB`,
      met: b.maxRssMb <= goal,
    },
    {
      measure: `… its database host (PGlite lives there), started by the batch (${short})`,
      value: mb(h.peakRssMb),
      baseline: `server batch ${mb(server.maxRssMb)}`,
      ratio: times(h.peakRssMb / server.maxRssMb),
      goal: "–",
      met: undefined,
    },
  ];
  return [
    {
      measure: `Own CPU per order, embedded (${embedded.orders} orders): the batch + its database host`,
      value: `${ms(cpuClient + cpuHost)} (${ms(cpuClient)} + host ${ms(cpuHost)})`,
      baseline: `server ${ms(cpuServer)}`,
      ratio: times((cpuClient + cpuHost) / cpuServer),
      goal: "–",
      met: undefined,
    },
    ...peak("new embedded database", "new database", embedded, h1, 250),
    ...peak("existing embedded database (1000 orders in it)", "existing database", existing, h2, 200),
  ];
}

/** `status` on the embedded database with no host, and while the print page hosts it. */
export function hostedStatusRows(start: Startup): Row[] {
  const h = start.hosted;
  const f = start.first;
  return [
    {
      measure: `Start-up: shipdesk status while the print page hosts the embedded database (median of ${h.runs})`,
      value: ms(h.hostedMs),
      baseline: `server, runs in turn ${ms(h.serverMs)}`,
      ratio: times(h.hostedMs / h.serverMs),
      goal: "as fast as server (≤ 1.2×)",
      met: h.hostedMs / h.serverMs <= 1.2,
    },
    {
      measure: "Peak RSS, shipdesk status while the print page hosts (median of 5)",
      value: mb(h.hostedRssMb),
      baseline: `server ${mb(h.serverRssMb)}`,
      ratio: times(h.hostedRssMb / h.serverRssMb),
      goal: "–",
      met: undefined,
    },
    {
      measure: `Start-up: shipdesk status, existing embedded database, no host running: starts one (median of ${h.runs})`,
      value: ms(h.coldMs),
      baseline: `server ${ms(start.statusServerMs)}`,
      ratio: times(h.coldMs / start.statusServerMs),
      goal: "≤ 250 ms",
      met: h.coldMs <= 250,
    },
    {
      measure: "Peak RSS, shipdesk status, existing embedded database, no host running: starts one",
      value: mb(f.statusEmbeddedRssMb),
      baseline: `server ${mb(f.statusServerRssMb)}`,
      ratio: times(f.statusEmbeddedRssMb / f.statusServerRssMb),
      goal: "–",
      met: undefined,
    },
    {
      measure: `… the host it starts (PGlite), left running 30 s after it (median of ${h.runs})`,
      value: mb(h.coldHostRssMb),
      baseline: `status, server ${mb(h.serverRssMb)}`,
      ratio: times(h.coldHostRssMb / h.serverRssMb),
      goal: "–",
      met: undefined,
    },
  ];
}

/** The first --auto's host, beside the issue 17 row of the --auto itself. */
export const firstAutoHostRow = (start: Startup): Row => ({
  measure: "… its database host (PGlite), left running after it",
  value: mb(start.first.autoEmbeddedHostRssMb),
  baseline: `same --auto, server ${mb(start.first.autoServerRssMb)}`,
  ratio: times(start.first.autoEmbeddedHostRssMb / start.first.autoServerRssMb),
  goal: "–",
  met: undefined,
});

/** A 1000-order batch while the print page hosts the folder, against the same batch alone. */
export function sharedRows(s: SharedBatch): Row[] {
  const [a, p] = [s.alone, s.withPage];
  const [ha, hp] = [hostOf(a), hostOf(p)];
  const row = (measure: string, value: number, base: number, baseline: string, fmt: (x: number) => string): Row => ({
    measure,
    value: fmt(value),
    baseline: `${baseline} ${fmt(base)}`,
    ratio: times(value / base),
    goal: "–",
    met: undefined,
  });
  const alone = a.maxRssMb + ha.peakRssMb;
  const together = p.maxRssMb + hp.peakRssMb + s.pageRssMb;
  return [
    row(`--auto batch, ${p.orders} orders, embedded, print page open: wall (ship + track)`, p.wallMs, a.wallMs, "batch alone, its own host", ms),
    row("… peak RSS of the batch (a client)", p.maxRssMb, a.maxRssMb, "alone", mb),
    row("… peak RSS of the database host (the print page's)", hp.peakRssMb, ha.peakRssMb, "alone, the batch's host", mb),
    row("… peak RSS of the print page (shipdesk serve)", s.pageRssMb, a.maxRssMb, "the batch alone", mb),
    row("… the three processes together (batch + host + print page)", together, alone, "alone: batch + host", mb),
  ];
}
