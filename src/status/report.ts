import { ADDRESS_CODES } from "../address/index.ts";
import type { Queryable } from "../db/index.ts";
import countsSql from "../../sql/status/counts.sql" with { type: "text" };
import needsPersonSql from "../../sql/status/needs_person.sql" with { type: "text" };
import lastRunsSql from "../../sql/status/last_runs.sql" with { type: "text" };

export interface Attention {
  orderId: string;
  kind:
    | "problem"
    | "order_attention"
    | "label_failed"
    | "shipment_attention"
    | "unfinished"
    | "transmit_in_doubt"
    | "transmit_refused"
    | "manifest_unsaved"
    | "untransmitted";
  reason: string;
  fix: string;
  since: Date;
  /** The problem's code, for problems of an order (an address one is corrected in shipdesk). */
  code: string | null;
}

export interface StatusReport {
  orders: Record<string, number>;
  shipments: Record<string, number>;
  attention: Attention[];
  runs: { runId: number; command: string; mode: string; startedAt: Date; finishedAt: Date | null; exitCode: number | null; summary: unknown }[];
}

/**
 * The fix for an address problem: sellers cannot edit a customer's address at Best Buy, so it
 * is corrected in shipdesk, beside Best Buy's.
 */
export function addressFix(orderId: string, code: string | null): string {
  if (code === "bestbuy_address_changed") {
    return `Compare Best Buy's new address with the correction (shipdesk address ${orderId} --show), then keep the correction (shipdesk address ${orderId} --confirm), change it, or drop it (shipdesk address ${orderId} --drop).`;
  }
  return `Correct the address in shipdesk: shipdesk address ${orderId} --show prints what the label will say, and shipdesk address ${orderId} --line1 "…" --city "…" (any field) saves a correction beside Best Buy's; or use Address in the review screen (run shipdesk), or the form on the print page's Needs attention.`;
}

const FIX: Record<Attention["kind"], (orderId: string, code: string | null) => string> = {
  problem: (id, code) =>
    code === "too_heavy" || code === "missing_weight"
      ? "Set the right weight for the order or its SKU in the review screen (run shipdesk)."
      : code === "foreign_destination" || code === "bad_country"
        ? "Ship this one by hand: shipdesk buys domestic Canada Post labels only."
        : code !== null && ADDRESS_CODES.has(code)
          ? addressFix(id, code)
          : "Check the order in the Best Buy seller portal, then run shipdesk orders sync.",
  order_attention: (id) => `Deal with it as the reason says (for a cancelled order: shipdesk void ${id}).`,
  label_failed: (id) => `Fix what Canada Post said (an address is corrected with shipdesk address ${id}, or the form on the print page's Needs attention), then run shipdesk ship --retry ${id}.`,
  shipment_attention: (id) => `Deal with it as the reason says, then run shipdesk track --retry ${id}.`,
  unfinished: () => "Run shipdesk ship: it first asks Canada Post whether this label exists and adopts it, so nothing is bought twice.",
  transmit_in_doubt: (_id, code) =>
    code === "no_manifest"
      ? "Run shipdesk manifest later: it looks for the manifest again; if none appears, print it from Canada Post's website (Manifests) or call Canada Post with the orders' PINs."
      : "Run shipdesk manifest: it asks Canada Post what became of each label and never transmits twice; if Canada Post still cannot say, call its commercial support with the group id(s) and the orders' PINs.",
  transmit_refused: () => "Fix what Canada Post said (often the sender address, contract or customer number in shipdesk.toml), then run shipdesk manifest.",
  manifest_unsaved: () => "Run shipdesk manifest: it downloads the manifest again; check the labels folder if it keeps failing.",
  untransmitted: () => "Run shipdesk manifest today: it transmits every group up to today's.",
};

export async function statusReport(db: Queryable, lastRuns = 5): Promise<StatusReport> {
  const counts = await db.query<{ what: string; status: string; n: number }>(countsSql);
  const orders: Record<string, number> = {};
  const shipments: Record<string, number> = {};
  for (const c of counts) (c.what === "orders" ? orders : shipments)[c.status] = Number(c.n);
  const rows = await db.query<{ order_id: string; kind: Attention["kind"]; reason: string; since: Date; code: string | null }>(needsPersonSql);
  const runs = await db.query<Record<string, any>>(lastRunsSql, [lastRuns]);
  return {
    orders,
    shipments,
    attention: rows.map((r) => ({ orderId: r.order_id, kind: r.kind, reason: r.reason, fix: FIX[r.kind](r.order_id, r.code), since: new Date(r.since), code: r.code })),
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

/** The report as the clerk reads it on the screen. */
export function formatStatus(report: StatusReport): string {
  const lines: string[] = [];
  const list = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k.replaceAll("_", " ")}: ${n}`).join(", ") || "none";
  lines.push(`Orders: ${list(report.orders)}`);
  lines.push(`Labels: ${list(report.shipments)}`);
  lines.push("");
  if (report.attention.length === 0) lines.push("Nothing needs a person.");
  else {
    lines.push(`Needs a person (${report.attention.length}):`);
    for (const a of report.attention) lines.push(`  ${a.orderId}: ${a.reason}\n    Fix: ${a.fix}`);
  }
  lines.push("");
  lines.push("Last runs:");
  if (report.runs.length === 0) lines.push("  none yet");
  for (const r of report.runs) {
    const code = r.exitCode === null ? "still running or stopped" : `exit ${r.exitCode}`;
    const said = (r.summary as { line?: string } | null)?.line;
    lines.push(`  ${r.startedAt.toISOString().replace("T", " ").slice(0, 19)}  ${r.command} (${r.mode}): ${code}${said ? `; ${said}` : ""}`);
  }
  return lines.join("\n");
}
