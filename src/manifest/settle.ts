import { findLink, labelStateOf, type Link } from "../canadapost/index.ts";
import type { EndOfDayRun } from "./context.ts";
import {
  closeTransmit,
  labelFoundCancelled,
  labelFoundOpen,
  labelFoundTransmitted,
  labelsToSettle,
  openTransmits,
  recordLabelStatus,
  type LabelToSettle,
  type OpenTransmit,
} from "./store.ts";

type Fate = "transmitted" | "open" | "cancelled";

/**
 * A transmit Canada Post refused, or whose answer never reached the database, is settled by each
 * of its labels' own status at Canada Post (Get Shipment), never by inference from lists: a group
 * missing from Canada Post's lists may have had every label voided elsewhere, or never existed
 * there. Transmitted labels wait for their manifest (findMissingManifests), open ones are freed for
 * a new transmit, cancelled ones are marked voided. Never transmits: `openNext` says what the
 * caller does with the open ones, so that nothing is said to be transmitted that is not.
 * `settled` is false while some label's fate is unknown: nothing new may be transmitted then,
 * since a new transmit of its group could take that label without this database knowing.
 * `open` counts the labels found still open.
 */
export async function settleOpenTransmits(
  run: EndOfDayRun,
  openNext: string,
  which: (t: OpenTransmit) => boolean = () => true,
): Promise<{ settled: boolean; open: number }> {
  let settled = true;
  let open = 0;
  for (const t of await openTransmits(run.db)) {
    const done = which(t) ? await settleTransmit(run, t, openNext) : undefined;
    if (done === undefined) settled = false;
    else open += done;
  }
  return { settled, open };
}

/** The number of labels found still open, or undefined while some label's fate is unknown. */
async function settleTransmit(run: EndOfDayRun, t: OpenTransmit, openNext: string): Promise<number | undefined> {
  const fates: Record<Fate, string[]> = { transmitted: [], open: [], cancelled: [] };
  for (const label of await labelsToSettle(run.db, t.transmit_id)) {
    const fate = await settleLabel(run, t, label);
    // No answer: the next run asks again; more questions now would only meet the same silence.
    if (fate === "unreachable") break;
    if (fate !== "unknown") fates[fate].push(label.order_id);
  }
  const closed = await closeTransmit(run.db, t.transmit_id);
  if (!closed) return undefined;
  const what = t.status === "refused" ? "refused transmit" : "transmit whose answer was lost";
  const told = [
    fates.transmitted.length ? `${fates.transmitted.length} label(s) transmitted (their manifest is fetched)` : "",
    fates.open.length ? `${fates.open.length} still open (${openNext})` : "",
    fates.cancelled.length ? `${fates.cancelled.length} cancelled at Canada Post (marked voided)` : "",
  ].filter(Boolean);
  const message = `The ${what} of ${t.group_ids.join(", ")} is settled label by label with Canada Post: ${told.join(", ") || "no label left in it"}.`;
  if (closed === "recovered") run.summary.transmitted.push(...t.group_ids);
  run.emit({ type: "settled", groupIds: t.group_ids, transmitted: closed === "recovered", message });
  return fates.open.length;
}

async function settleLabel(run: EndOfDayRun, t: OpenTransmit, label: LabelToSettle): Promise<Fate | "unknown" | "unreachable"> {
  const orderId = label.order_id;
  const groups = t.group_ids.join(", ");
  const self = Array.isArray(label.cp_links) ? findLink(label.cp_links as Link[], "self") : undefined;
  if (!self) {
    failed(run, `Order ${orderId}'s label (PIN ${label.tracking_pin ?? "unknown"}) has no Canada Post link stored, so the end of day cannot ask what became of it; look it up in Canada Post's website, then run shipdesk manifest.`);
    return "unknown";
  }
  const state = labelStateOf(await run.carrier.getShipment(self, orderId));
  switch (state.kind) {
    case "transmitted":
      await labelFoundTransmitted(run.db, label.shipment_id, state.status);
      return "transmitted";
    case "open":
      await labelFoundOpen(run.db, label.shipment_id, state.status);
      return "open";
    case "cancelled": {
      await labelFoundCancelled(run.db, label.shipment_id, "cancelled at Canada Post, not by shipdesk (found at the end of day)", state.status);
      const message = `The label of order ${orderId} (PIN ${label.tracking_pin}) was cancelled at Canada Post, not by shipdesk; it is marked voided: do not ship a parcel with it (shipdesk void ${orderId} --reship buys a new one if the order is still to ship).`;
      run.summary.voided.push(message);
      run.emit({ type: "voided", orderId, message });
      return "cancelled";
    }
    case "other":
      await recordLabelStatus(run.db, label.shipment_id, state.status);
      failed(run, `Canada Post shows the label of order ${orderId} (PIN ${label.tracking_pin}) as "${state.status}", so the end of day cannot settle ${groups}; ask Canada Post what the label needs, then run shipdesk manifest.`);
      return "unknown";
    case "refused":
      failed(run, `Canada Post would not say what became of the label of order ${orderId} (${state.error.message}); ask Canada Post about PIN ${label.tracking_pin}, then run shipdesk manifest.`);
      return "unknown";
    case "unreachable": {
      const message = `Canada Post did not say what became of the labels of ${groups} (${state.error.message}); the next run asks again, and nothing is transmitted until it knows.`;
      run.summary.unreachable.push(message);
      run.emit({ type: "unreachable", message });
      return "unreachable";
    }
  }
}

function failed(run: EndOfDayRun, message: string): void {
  run.summary.failed.push(message);
  run.emit({ type: "failed", message });
}
