import type { BestBuyError } from "../bestbuy/index.ts";

/** Something the clerk should know about one order (or the whole sync, when orderId is null). */
export interface SyncProblem {
  orderId: string | null;
  /** One sentence, or several joined, in the clerk's words. */
  message: string;
}

export interface SyncSummary {
  /** New orders stored (with or without problems). */
  imported: number;
  /** Orders whose row changed: Best Buy's copy changed, or its state moved on. */
  updated: number;
  /** Orders seen at Best Buy whose row did not need to change. */
  unchanged: number;
  /** WAITING_ACCEPTANCE orders accepted with OR21 this time. */
  accepted: number;
  /** Orders marked cancelled or refused because Best Buy says so. */
  cancelled: number;
  /** Cancelled or refused orders that already had a label: a person must void it. */
  flagged: number;
  /** Orders Best Buy shows shipped that shipdesk never shipped: marked shipped, no label bought. */
  shippedElsewhere: number;
  /** Orders stored with problems (not shippable until fixed), orders that could not be read or accepted. */
  problems: SyncProblem[];
  /** Set when Best Buy could not be asked at all (or not to the end): the sync is incomplete. */
  failure: BestBuyError | undefined;
}

export type SyncEvent =
  | { kind: "imported" | "updated" | "accepted" | "cancelled" | "refused" | "flagged" | "shipped-elsewhere"; orderId: string; message: string }
  | { kind: "problem"; orderId: string | null; message: string };

export const emptySummary = (): SyncSummary => ({
  imported: 0,
  updated: 0,
  unchanged: 0,
  accepted: 0,
  cancelled: 0,
  flagged: 0,
  shippedElsewhere: 0,
  problems: [],
  failure: undefined,
});
