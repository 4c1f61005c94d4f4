import { orderList } from "../status/index.ts";
import type { ShippingSummary } from "../shipping/index.ts";

export interface SummaryBlock {
  tone: "success" | "warn" | "error";
  text: string;
}

const list = (ids: readonly string[]) => ids.join(", ");

/** Items that share a message, in order of first appearance: one block for a shared cause. */
function byMessage<T extends { orderId: string; message: string }>(items: readonly T[]): { message: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.message, [...(groups.get(item.message) ?? []), item]);
  return [...groups].map(([message, grouped]) => ({ message, items: grouped }));
}

/** The run's outcome, block by block, with Canada Post's own words for each refusal, a shared cause said once. */
export function summaryBlocks(s: ShippingSummary): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  blocks.push({ tone: "success", text: `${s.created.length} label(s) bought and saved${s.created.length ? `: ${list(s.created)}` : "."}` });
  if (s.recovered.length) blocks.push({ tone: "success", text: `${s.recovered.length} label(s) from an earlier run finished: ${list(s.recovered)}` });
  for (const g of byMessage(s.failed)) {
    const ids = g.items.map((f) => f.orderId);
    const retry = ids.map((id) => `--retry ${id}`).join(" ");
    const who = ids.length === 1 ? ids[0]! : `${ids.length} orders (${orderList(ids)})`;
    blocks.push({
      tone: "error",
      text: `${who}: ${g.message.startsWith("Canada Post refused") ? g.message : `Canada Post refused the label: ${g.message}`}\n  Fix it (the setting, the service or the address), then buy again: run shipdesk and put ${ids.length === 1 ? "it" : "them"} in the batch, or shipdesk ship ${retry}`,
    });
  }
  for (const d of s.inDoubt) blocks.push({ tone: "warn", text: `${d.orderId}: ${d.message}\n  The next run asks Canada Post first; it never buys twice.` });
  for (const g of byMessage(s.notSaved)) {
    const pins = g.items.map((n) => `${n.orderId}${n.pin ? ` (PIN ${n.pin})` : ""}`).join(", ");
    const n = g.items.length;
    blocks.push({
      tone: "error",
      text: `${n} label(s) bought but not saved: ${pins}.\n  ${g.message}\n  Once that is fixed, shipdesk ship saves ${n === 1 ? "it" : "them"} (downloaded again, never bought again).`,
    });
  }
  for (const g of byMessage(s.skipped.map((k) => ({ orderId: k.orderId, message: k.reasons.join(" ") })))) {
    const ids = g.items.map((k) => k.orderId);
    blocks.push({ tone: "warn", text: `${ids.length === 1 ? ids[0] : `${ids.length} orders (${orderList(ids)})`}: not shipped: ${g.message}` });
  }
  if (s.voidedWaiting.length) {
    blocks.push({ tone: "warn", text: `${s.voidedWaiting.length} order(s) whose label was voided, with no new one: ${list(s.voidedWaiting)}; put them in the batch (run shipdesk again) or shipdesk void ORDER --reship.` });
  }
  if (s.notStarted.length) {
    blocks.push({ tone: "warn", text: `Stopped before ${s.notStarted.length} label(s) were asked for (nothing bought for them): ${list(s.notStarted)}` });
  }
  return blocks;
}
