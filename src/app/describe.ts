import type { SyncEvent, SyncSummary } from "../orders/index.ts";
import type { ShippingEvent, ShippingSummary } from "../shipping/index.ts";
import type { Logger } from "./log.ts";
import { money } from "../common/money.ts";
import { localDateTime } from "../common/local-time.ts";

/** Shipping progress as log lines (the --auto log and the plain-terminal fallback). */
export function logShippingEvent(log: Logger, e: ShippingEvent): void {
  switch (e.type) {
    case "checking":
      return log.info(`${e.orders} order(s) without a label`);
    case "skipped":
      return log.warn(`not shipped: ${e.problems.map((p) => p.message).join(" ")}`, e.orderId);
    case "voided-waiting":
      return log.warn(
        `its label${e.pin ? ` (PIN ${e.pin})` : ""} was cancelled and no new one is bought on its own; if the order still ships: shipdesk void ${e.orderId} --reship, then shipdesk ship`,
        e.orderId,
      );
    case "held":
      return log.info(`on hold since ${localDateTime(e.since)}${e.by ? ` (${e.by})` : ""}: no label bought; shipdesk hold ${e.orderId} --release ships it`, e.orderId);
    case "claimed":
      return log.info("buying label", e.orderId);
    case "created":
      return log.info(`label bought, PIN ${e.pin}`, e.orderId);
    case "adopted":
      return log.info(`found the label an earlier run bought, PIN ${e.pin}`, e.orderId);
    case "saved":
      return log.info(`label saved: ${e.path}`, e.orderId);
    case "refetched":
      return log.info(`label file was missing or damaged; downloaded it again: ${e.path}`, e.orderId);
    case "rejected":
      return log.error(e.message, e.orderId);
    case "in-doubt":
      return log.warn(e.message, e.orderId);
    case "not-saved":
      return log.error(`label bought${e.pin ? ` (PIN ${e.pin})` : ""} but not saved: ${e.message}`, e.orderId);
    case "throttled":
      return log.warn(`Canada Post asked to slow down; waiting ${Math.round(e.waitMs / 1000)} s`, e.orderId);
    case "busy":
      return log.info("another shipdesk is working on this label; left to it", e.orderId);
    case "priced":
      return e.choice.late || e.choice.reason === "fallback" ? log.warn(e.choice.note, e.orderId) : log.info(e.choice.note, e.orderId);
    case "note":
      return log.warn(e.message);
  }
}

export function logSyncEvent(log: Logger, e: SyncEvent): void {
  if (e.kind === "problem") log.warn(e.message, e.orderId ?? undefined);
  else if (e.kind === "flagged") log.error(e.message, e.orderId);
  else log.info(e.message, e.orderId);
}

export function shippingLine(s: ShippingSummary): string {
  const spent = s.bought.length > 0 ? ` for ${money(s.spent.due)} (taxes included${s.spent.unpriced ? `; ${s.spent.unpriced} without a price` : ""})` : "";
  const parts = [`${s.bought.length} label(s) bought${spent}`];
  if (s.recovered.length) parts.push(`${s.recovered.length} finished from an earlier run`);
  if (s.failed.length) parts.push(`${s.failed.length} refused by Canada Post`);
  if (s.skipped.length) parts.push(`${s.skipped.length} order(s) with problems`);
  if (s.voidedWaiting.length) parts.push(`${s.voidedWaiting.length} order(s) whose label was voided, waiting for a new one (shipdesk void ORDER --reship)`);
  if (s.inDoubt.length) parts.push(`${s.inDoubt.length} waiting for Canada Post`);
  if (s.notSaved.length) parts.push(notSavedPart(s.notSaved));
  if (s.notStarted.length) parts.push(`${s.notStarted.length} not started (stopped early; left for the next run)`);
  if (s.held.length) parts.push(`${s.held.length} on hold (shipdesk hold ORDER --release)`);
  if (s.keyRefused) parts.push(s.keyRefused);
  if (s.notReady) {
    // The checks before buying stopped the run: their sentence says what to fix and that nothing was bought.
    if (s.bought.length === 0) parts.shift();
    parts.push(s.notReady.replace(/\.$/, ""));
  }
  return `labels: ${parts.join(", ")}`;
}

/** Labels bought and not saved: the shared cause once (the labels folder), else where to look. */
function notSavedPart(notSaved: ShippingSummary["notSaved"]): string {
  const messages = new Set(notSaved.map((n) => n.message));
  const why = messages.size === 1 ? `: ${[...messages][0]!.replace(/\.$/, "")}` : " (each one's reason is in the log; shipdesk status lists them)";
  return `${notSaved.length} label(s) bought but not saved${why}`;
}

export function syncLine(s: SyncSummary): string {
  const parts = [`${s.imported} new`, `${s.updated} updated`, `${s.unchanged} unchanged`];
  if (s.accepted) parts.push(`${s.accepted} accepted`);
  if (s.cancelled) parts.push(`${s.cancelled} cancelled`);
  if (s.flagged) parts.push(`${s.flagged} cancelled after the label was bought`);
  const problems = s.problems.length;
  if (problems) parts.push(`${problems} problem(s)`);
  if (s.failure) parts.push(`Best Buy could not be reached (${s.failure.message})`);
  return `orders: ${parts.join(", ")}`;
}
