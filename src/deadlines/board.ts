// The deadline board: the orders Best Buy waits to see shipped, earliest deadline first, each with
// the time left and what stands in its way (status, the print page; the desk's review shows the
// same order and time left for the orders it can buy).
import type { Queryable } from "../db/index.ts";
import { localDateTime } from "../common/local-time.ts";
import { byDeadline, parseDeadline } from "./deadline.ts";
import { timeLeft, type TimeLeft } from "./time-left.ts";
import openOrdersSql from "../../sql/deadlines/open_orders.sql" with { type: "text" };

/** Where an open order stands: what happens next, or what stops it. */
export type BoardState =
  | "held"
  | "flagged"
  | "cannot_ship"
  | "refused"
  | "voided"
  | "tracking_refused"
  | "label_trouble"
  | "label_unfinished"
  | "awaiting_tracking"
  | "waiting_label";

/** States no run gets past on its own: a person must act (or release the hold). */
const BLOCKED: ReadonlySet<BoardState> = new Set(["held", "flagged", "cannot_ship", "refused", "voided", "tracking_refused", "label_trouble"]);

export interface BoardRow {
  orderId: string;
  name: string;
  /** "Halifax, NS". */
  place: string;
  deadline: Date | undefined;
  timeLeft: TimeLeft;
  state: BoardState;
  /** What stands in the way, or what happens next, in a few words. */
  stateText: string;
  /** No run ships it on its own: the label cannot be bought (a problem, a refusal, a hold…). */
  blocked: boolean;
  /** Overdue, due today, or blocked: shown so that it stands out. */
  standsOut: boolean;
}

interface OpenOrder {
  order_id: string;
  customer_name: string | null;
  ship_city: string | null;
  ship_province: string | null;
  shipping_deadline: string | null;
  problems: unknown;
  attention: string | null;
  held_at: Date | string | null;
  held_by: string | null;
  label_status: string | null;
  shipment_attention: string | null;
  tracking_pin: string | null;
  last_error: string | null;
  service_code: string | null;
}

function firstProblem(value: unknown): string | undefined {
  const list: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const first = list[0] as { message?: string; code?: string };
  return first.message ?? first.code ?? "a problem";
}

/** The order's state, first match wins: what a person must do comes before what a run will do. */
export function stateOf(o: OpenOrder): { state: BoardState; text: string } {
  if (o.held_at) return { state: "held", text: `on hold since ${localDateTime(new Date(o.held_at))}${o.held_by ? ` (${o.held_by})` : ""}: no run buys it until released` };
  if (o.attention) return { state: "flagged", text: o.attention };
  if (o.shipment_attention) return { state: "tracking_refused", text: o.shipment_attention };
  switch (o.label_status) {
    case "label_failed":
      return { state: "refused", text: o.last_error ?? "Canada Post refused the label." };
    case "voided":
    case "refund_requested":
      return { state: "voided", text: "label voided, no new one bought" };
    case "label_creation_initiated":
      return o.last_error
        ? { state: "label_trouble", text: `${o.tracking_pin ? `label bought (PIN ${o.tracking_pin}), not saved: ` : ""}${o.last_error}` }
        : { state: "label_unfinished", text: "label being bought, or left unfinished (the next run finishes it)" };
    case "label_created":
      return { state: "awaiting_tracking", text: "label bought; the tracking goes to Best Buy with the next run" };
    default: {
      const problem = firstProblem(o.problems);
      return problem ? { state: "cannot_ship", text: problem } : { state: "waiting_label", text: "waiting for its label (the next run buys it)" };
    }
  }
}

/** One open order as the board shows it, seen from `now`. */
export function boardRow(o: OpenOrder, now: Date): BoardRow {
  const deadline = parseDeadline(o.shipping_deadline);
  const left = timeLeft(deadline, now);
  const { state, text } = stateOf(o);
  const blocked = BLOCKED.has(state);
  return {
    orderId: o.order_id,
    name: o.customer_name?.trim() || "(no name)",
    place: [o.ship_city?.trim(), o.ship_province?.trim()].filter(Boolean).join(", ") || "(no address)",
    deadline,
    timeLeft: left,
    state,
    stateText: text,
    blocked,
    standsOut: blocked || left.urgency === "overdue" || left.urgency === "today",
  };
}

/** Every open order, earliest deadline first (`now` injected: a test fixes the clock). */
export async function deadlineBoard(db: Queryable, now: Date = new Date()): Promise<BoardRow[]> {
  const rows = await db.query<OpenOrder & Record<string, unknown>>(openOrdersSql);
  return byDeadline(
    rows.map((r) => boardRow(r, now)),
    (r) => r.deadline,
  );
}

/**
 * The orders that will miss their deadline today unless someone acts: due by the end of today
 * (or already overdue) and blocked, so that no scheduled run ships them on its own (a problem to
 * fix, a refused or voided label, a hold, a flag). The alerts tell a person about these.
 */
export async function missingDeadlineToday(db: Queryable, now: Date = new Date()): Promise<BoardRow[]> {
  return (await deadlineBoard(db, now)).filter((r) => r.blocked && (r.timeLeft.urgency === "today" || r.timeLeft.urgency === "overdue"));
}
