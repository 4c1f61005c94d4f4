import type { Problem } from "../address/index.ts";
import type { ServiceChoice } from "../rates/index.ts";

/** What the workflow tells the screen (TUI progress, --auto log lines) as it goes. */
export type ShippingEvent =
  | { type: "checking"; orders: number }
  | { type: "skipped"; orderId: string; problems: Problem[] }
  | { type: "voided-waiting"; orderId: string; pin: string | null }
  | { type: "held"; orderId: string; since: Date; by: string | null }
  | { type: "claimed"; orderId: string }
  | { type: "created"; orderId: string; pin: string }
  | { type: "adopted"; orderId: string; pin: string }
  | { type: "saved"; orderId: string; pin: string; path: string }
  | { type: "refetched"; orderId: string; path: string }
  | { type: "rejected"; orderId: string; message: string }
  | { type: "in-doubt"; orderId: string; message: string }
  | { type: "not-saved"; orderId: string; pin: string | undefined; message: string }
  | { type: "throttled"; orderId: string; waitMs: number }
  | { type: "busy"; orderId: string }
  | { type: "priced"; orderId: string; choice: ServiceChoice }
  /** Something the run's checks want on record (Canada Post's list of services could not be had…). */
  | { type: "note"; message: string };

export interface ShippingSummary {
  /** Labels bought in this run, saved or not: what the run spent money on. */
  bought: string[];
  /** Labels bought in this run and saved. */
  created: string[];
  /** Labels from an earlier run finished now: adopted from Canada Post, downloaded, or re-fetched. */
  recovered: string[];
  /** Canada Post said no; the order waits for the clerk (`shipdesk ship --retry ORDER`). */
  failed: { orderId: string; message: string }[];
  /** No answer from Canada Post: the next run asks it whether a label exists. */
  inDoubt: { orderId: string; message: string }[];
  /** Bought, PIN kept, but the PDF could not be saved (disk full, folder locked…): the next run saves it. */
  notSaved: { orderId: string; pin: string | undefined; message: string }[];
  /** Not claimed: the order has problems to fix first. */
  skipped: { orderId: string; reasons: string[] }[];
  /** Still to ship at Best Buy, but their label was voided and no new one is bought without the clerk. */
  voidedWaiting: string[];
  /** Not started because the run stopped early (the clerk's Ctrl-C, a refused key). */
  notStarted: string[];
  /** Held by the clerk (shipdesk hold): left alone until released; no problem, and no exit 1. */
  held: string[];
  /** Canada Post refused shipdesk's API key: the settings need fixing before any label. */
  keyRefused: string | undefined;
  /** The checks before buying stopped the run (a setting, the labels folder): nothing was bought. */
  notReady: string | undefined;
  /** What this run's labels (`bought`) cost, taxes included: charged, else quoted; unpriced: none known. */
  spent: { due: number; unpriced: number };
}

export const emptySummary = (): ShippingSummary => ({
  bought: [],
  created: [],
  recovered: [],
  failed: [],
  inDoubt: [],
  notSaved: [],
  skipped: [],
  voidedWaiting: [],
  notStarted: [],
  held: [],
  keyRefused: undefined,
  notReady: undefined,
  spent: { due: 0, unpriced: 0 },
});

/** Two runs' summaries as one (the desk buys new labels and refused ones in one go). */
export function mergeSummaries(a: ShippingSummary, b: ShippingSummary): ShippingSummary {
  return {
    bought: [...a.bought, ...b.bought],
    created: [...a.created, ...b.created],
    recovered: [...a.recovered, ...b.recovered],
    failed: [...a.failed, ...b.failed],
    inDoubt: [...a.inDoubt, ...b.inDoubt],
    notSaved: [...a.notSaved, ...b.notSaved],
    skipped: [...a.skipped, ...b.skipped],
    voidedWaiting: [...a.voidedWaiting, ...b.voidedWaiting],
    notStarted: [...a.notStarted, ...b.notStarted],
    held: [...new Set([...a.held, ...b.held])],
    keyRefused: a.keyRefused ?? b.keyRefused,
    notReady: a.notReady ?? b.notReady,
    spent: { due: Math.round((a.spent.due + b.spent.due) * 100) / 100, unpriced: a.spent.unpriced + b.spent.unpriced },
  };
}

/** Whether a person has something to do after this run. */
export const needsPerson = (s: ShippingSummary): boolean =>
  s.failed.length > 0 || s.skipped.length > 0 || s.notSaved.length > 0 || s.voidedWaiting.length > 0;
