import { reshipVoided } from "../../voids/index.ts";
import { setOrderService } from "../../orders/index.ts";
import { emptySummary, mergeSummaries, retryFailedLabels, runShipping, type ShippingEvent, type ShippingSummary } from "../../shipping/index.ts";
import type { ServiceChoice } from "../../rates/index.ts";
import type { App } from "../app.ts";
import { logShippingEvent } from "../describe.ts";
import type { Logger } from "../log.ts";

/** The orders whose label the clerk asked for again, by why they have none. */
export interface AgainSelection {
  /** Canada Post refused their label: bought again under a new request id, built afresh. */
  refused: readonly string[];
  /** Their label was voided or refunded: made shippable again, then one new label each. */
  voided: readonly string[];
}

export interface AgainOptions {
  /** The service the clerk chose for all of them (the print page's), kept on each order first. */
  service?: string | undefined;
  weights?: ReadonlyMap<string, number>;
  choices?: ReadonlyMap<string, ServiceChoice>;
  signal?: AbortSignal;
  onEvent?: (e: ShippingEvent) => void;
}

/**
 * Buys again what the clerk asked for on the print page or in the desk: a refused label (the
 * same as shipdesk ship --retry) or a new label for an order whose label was cancelled (the same
 * as shipdesk void ORDER --reship, then shipdesk ship, without ever voiding anything). Returns
 * the labels' summary and a sentence for each order that could not be started.
 */
export async function buyAgain(app: App, log: Logger, selection: AgainSelection, options: AgainOptions = {}): Promise<{ summary: ShippingSummary; refusals: { orderId: string; message: string }[] }> {
  const deps = app.shippingDeps({
    onEvent: (e) => {
      logShippingEvent(log, e);
      options.onEvent?.(e);
    },
  });
  const refusals: { orderId: string; message: string }[] = [];
  const refuse = (orderId: string, message: string) => {
    refusals.push({ orderId, message });
    log.warn(message, orderId);
  };
  if (options.service) {
    for (const id of [...selection.refused, ...selection.voided]) {
      const chosen = await setOrderService(app.db, id, options.service);
      if (!chosen.ok) refuse(id, chosen.message);
    }
    if (refusals.length > 0) return { summary: emptySummary(), refusals };
  }
  const pass = { weights: options.weights ?? new Map(), choices: options.choices ?? new Map(), ...(options.signal ? { signal: options.signal } : {}) };
  let summary = emptySummary();
  if (selection.refused.length > 0) {
    const retried = await retryFailedLabels(deps, selection.refused, pass);
    for (const r of retried.results) if (!r.ok) refuse(r.orderId, r.message);
    summary = mergeSummaries(summary, retried.summary);
  }
  const shippable: string[] = [];
  for (const id of selection.voided) {
    const made = await reshipVoided(app.db, id);
    if (made.ok) {
      log.info(made.message, id);
      shippable.push(id);
    } else refuse(id, made.message);
  }
  if (shippable.length > 0) summary = mergeSummaries(summary, await runShipping(deps, { ...pass, only: shippable }));
  return { summary, refusals };
}
