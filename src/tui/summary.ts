import type { ShippingSummary } from "../shipping/index.ts";

export interface SummaryBlock {
  tone: "success" | "warn" | "error";
  text: string;
}

const list = (ids: readonly string[]) => ids.join(", ");

/** The run's outcome, block by block, with Canada Post's own words for each refusal. */
export function summaryBlocks(s: ShippingSummary): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  blocks.push({ tone: "success", text: `${s.created.length} label(s) bought and saved${s.created.length ? `: ${list(s.created)}` : "."}` });
  if (s.recovered.length) blocks.push({ tone: "success", text: `${s.recovered.length} label(s) from an earlier run finished: ${list(s.recovered)}` });
  for (const f of s.failed) blocks.push({ tone: "error", text: `${f.orderId}: Canada Post refused the label: ${f.message}\n  Fix it, then run: shipdesk ship --retry ${f.orderId}` });
  for (const d of s.inDoubt) blocks.push({ tone: "warn", text: `${d.orderId}: ${d.message}\n  The next run asks Canada Post first; it never buys twice.` });
  for (const n of s.notSaved) blocks.push({ tone: "error", text: `${n.orderId}: label bought but not saved: ${n.message}` });
  for (const k of s.skipped) blocks.push({ tone: "warn", text: `${k.orderId}: not shipped: ${k.reasons.join(" ")}` });
  if (s.notStarted.length) {
    blocks.push({ tone: "warn", text: `Stopped before ${s.notStarted.length} label(s) were asked for (nothing bought for them): ${list(s.notStarted)}` });
  }
  return blocks;
}
