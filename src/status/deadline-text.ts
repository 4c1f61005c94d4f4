// The deadline board and the late shipment rate as `shipdesk status` prints them.
import { lateRateLine, lateShipmentText, type BoardRow, type BoardState, type LateRate } from "../deadlines/index.ts";

/** What stands in an order's way, in a few words (the board's line). */
export const STATE_TITLE: Record<BoardState, string> = {
  held: "on hold",
  flagged: "flagged for a person",
  cannot_ship: "cannot ship yet: see Needs a person",
  refused: "label refused: see Needs a person",
  voided: "label voided, no new one",
  tracking_refused: "tracking refused by Best Buy",
  label_trouble: "label bought, not saved",
  label_unfinished: "label unfinished: the next run finishes it",
  awaiting_tracking: "label bought; tracking goes with the next run",
  waiting_label: "waiting for its label",
};

/** How many open orders status lists; the print page's Needs attention lists every one. */
export const BOARD_LINES = 15;

/** "  ! 242000101-A  ships by today 17:00 — 2 h 10 min; label refused: see Needs a person". */
export function boardLine(r: BoardRow): string {
  return `  ${r.standsOut ? "!" : " "} ${r.orderId}  ${r.timeLeft.text}; ${STATE_TITLE[r.state]}`;
}

/** The open orders, earliest deadline first, those that stand out marked "!". */
export function boardText(board: readonly BoardRow[], limit = BOARD_LINES): string[] {
  if (board.length === 0) return ["Orders to ship: none waiting."];
  const standing = board.filter((r) => r.standsOut).length;
  const head = `Orders to ship, earliest deadline first (${board.length}${standing ? `; ${standing} marked ! are overdue, due today, or cannot be bought as they are` : ""}):`;
  const lines = [head, ...board.slice(0, limit).map(boardLine)];
  if (board.length > limit) lines.push(`  … and ${board.length - limit} more (all on the print page's Needs attention: shipdesk serve).`);
  return lines;
}

/** The held orders, each with how to release it. */
export function holdText(board: readonly BoardRow[]): string[] {
  const held = board.filter((r) => r.state === "held");
  if (held.length === 0) return [];
  return [`On hold (${held.length}): no run buys these until released.`, ...held.map((r) => `  ${r.orderId}: ${r.stateText.replace(/: no run buys it until released$/, "")}; shipdesk hold ${r.orderId} --release ships it`)];
}

/** The rate, and the orders that made it. */
export function lateRateText(rate: LateRate): string[] {
  return [lateRateLine(rate), ...rate.late.map((l) => `  ${lateShipmentText(l)}`)];
}
