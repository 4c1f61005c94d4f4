import type { ShippingEvent } from "../shipping/index.ts";

/** How far the run is, from its events; the spinner shows `progressText`. */
export interface Progress {
  readonly batch: ReadonlySet<string>;
  bought: number;
  refused: number;
  waiting: number;
  notSaved: number;
  skipped: number;
  /** Labels of earlier runs finished on the way (not part of this batch). */
  earlier: number;
}

export function startProgress(orderIds: readonly string[]): Progress {
  return { batch: new Set(orderIds), bought: 0, refused: 0, waiting: 0, notSaved: 0, skipped: 0, earlier: 0 };
}

/** Counts one event; "saved" is the end of a bought label (created, then written to disk). */
export function advance(p: Progress, e: ShippingEvent): void {
  if (!("orderId" in e)) return;
  const ours = p.batch.has(e.orderId);
  switch (e.type) {
    case "saved":
    case "refetched":
      if (ours) p.bought++;
      else p.earlier++;
      return;
    case "rejected":
      if (ours) p.refused++;
      return;
    case "in-doubt":
      if (ours) p.waiting++;
      return;
    case "not-saved":
      if (ours) p.notSaved++;
      return;
    case "skipped":
      if (ours) p.skipped++;
      return;
  }
}

export const doneCount = (p: Progress) => p.bought + p.refused + p.waiting + p.notSaved + p.skipped;

/** "3/5 bought...", then whatever went wrong so far. */
export function progressText(p: Progress): string {
  const extra: string[] = [];
  if (p.refused) extra.push(`${p.refused} refused`);
  if (p.waiting) extra.push(`${p.waiting} waiting for Canada Post`);
  if (p.notSaved) extra.push(`${p.notSaved} not saved`);
  if (p.skipped) extra.push(`${p.skipped} with problems`);
  if (p.earlier) extra.push(`${p.earlier} from an earlier run finished`);
  return `${p.bought}/${p.batch.size} bought...${extra.length ? ` (${extra.join(", ")})` : ""}`;
}
