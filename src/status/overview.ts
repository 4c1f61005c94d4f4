// `shipdesk status`: the late shipment rate, the orders to ship by deadline, the holds, the
// counts, what needs a person, the last runs.
import type { Queryable } from "../db/index.ts";
import { localDateTime } from "../common/local-time.ts";
import { deadlineBoard, lateShipmentRate, type BoardRow, type LateRate } from "../deadlines/index.ts";
import { formatAttention, needsAttention, type Attention } from "./attention.ts";
import { boardText, holdText, lateRateText } from "./deadline-text.ts";
import { lateRefunds, refundsLine, type LateRefund } from "./parcels.ts";
import countsSql from "../../sql/status/counts.sql" with { type: "text" };
import lastRunsSql from "../../sql/status/last_runs.sql" with { type: "text" };

export interface StatusReport {
  orders: Record<string, number>;
  shipments: Record<string, number>;
  attention: Attention[];
  /** The orders Best Buy waits to see shipped, earliest deadline first. */
  board: BoardRow[];
  /** Best Buy's late shipment rate over the last 30 days, from shipdesk's records. */
  lateRate: LateRate;
  /** Late guaranteed deliveries whose refund can still be claimed. */
  refunds: LateRefund[];
  runs: { runId: number; command: string; mode: string; startedAt: Date; finishedAt: Date | null; exitCode: number | null; summary: unknown }[];
}

/** Everything status shows; `now` is injected so a test can fix the clock. */
export async function statusReport(db: Queryable, lastRuns = 5, now: Date = new Date()): Promise<StatusReport> {
  const counts = await db.query<{ what: string; status: string; n: number }>(countsSql);
  const orders: Record<string, number> = {};
  const shipments: Record<string, number> = {};
  for (const c of counts) (c.what === "orders" ? orders : shipments)[c.status] = Number(c.n);
  const attention = await needsAttention(db);
  const refunds = await lateRefunds(db);
  const runs = lastRuns > 0 ? await db.query<Record<string, any>>(lastRunsSql, [lastRuns]) : [];
  return {
    orders,
    shipments,
    attention,
    board: await deadlineBoard(db, now),
    lateRate: await lateShipmentRate(db, now),
    refunds,
    runs: runs.map((r) => ({
      runId: Number(r.run_id),
      command: r.command,
      mode: r.mode,
      startedAt: new Date(r.started_at),
      finishedAt: r.finished_at ? new Date(r.finished_at) : null,
      exitCode: r.exit_code ?? null,
      summary: r.summary,
    })),
  };
}

/** The report as the clerk reads it on the screen; every time in the PC's local time. */
export function formatStatus(report: StatusReport): string {
  const lines: string[] = [];
  const list = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k.replaceAll("_", " ")}: ${n}`).join(", ") || "none";
  lines.push(...lateRateText(report.lateRate), "");
  lines.push(...boardText(report.board), "");
  const held = holdText(report.board);
  if (held.length > 0) lines.push(...held, "");
  lines.push(`Orders: ${list(report.orders)}`);
  lines.push(`Labels: ${list(report.shipments)}`);
  if (report.refunds.length > 0) lines.push(refundsLine(report.refunds));
  lines.push("");
  if (report.attention.length === 0) lines.push("Nothing needs a person.");
  else {
    lines.push(`Needs a person (${report.attention.length}):`);
    for (const a of report.attention) lines.push(formatAttention(a));
  }
  lines.push("");
  lines.push("Last runs:");
  if (report.runs.length === 0) lines.push("  none yet");
  for (const r of report.runs) {
    const code = r.exitCode === null ? "still running or stopped" : `exit ${r.exitCode}`;
    const said = (r.summary as { line?: string } | null)?.line;
    lines.push(`  ${localDateTime(r.startedAt)}  ${r.command} (${r.mode}): ${code}${said ? `; ${said}` : ""}`);
  }
  return lines.join("\n");
}
