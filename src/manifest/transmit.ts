import { apiOfLink } from "../canadapost/index.ts";
import type { EndOfDayRun } from "./context.ts";
import { abandonTransmit, recordTransmitError, recordTransmitRefused, recordTransmitted, startTransmit, untransmittedGroups } from "./store.ts";

/** How a transmit ended, for the end of day to decide what comes next. */
export type TransmitOutcome = "none" | "transmitted" | "refused-nothing-there" | "refused" | "unanswered";

/**
 * Transmit Shipments for every group up to today's with labels not yet transmitted. A group
 * with a label in doubt waits: transmitting it could leave a paid label off the manifest.
 */
export async function transmitOpenGroups(run: EndOfDayRun): Promise<TransmitOutcome> {
  const today = run.carrier.groupIdFor(run.today());
  const ready: string[] = [];
  let labels = 0;
  for (const g of await untransmittedGroups(run.db, today)) {
    if (g.in_doubt.length > 0) {
      const message = `Manifest group ${g.group_id} is not transmitted: the label for ${g.in_doubt.join(", ")} is in doubt. Run shipdesk ship to settle it, then shipdesk manifest.`;
      run.summary.blocked.push({ groupId: g.group_id, orderIds: g.in_doubt, message });
      run.emit({ type: "blocked", groupId: g.group_id, orderIds: g.in_doubt, message });
    } else if (boughtElsewhere(run, g).length > 0) {
      const other = run.settings.canadaPost.api === "portal" ? "xml" : "portal";
      const orders = boughtElsewhere(run, g);
      const message = `Manifest group ${g.group_id} is not transmitted: the labels for ${orders.join(", ")} were bought with the ${other === "xml" ? "XML web services" : "Developer Portal"} API, and a group is transmitted through the API that bought it; set canadapost.api = "${other}", run shipdesk manifest, then switch back.`;
      run.summary.blocked.push({ groupId: g.group_id, orderIds: orders, message });
      run.emit({ type: "blocked", groupId: g.group_id, orderIds: orders, message });
    } else if (g.ready > 0) {
      ready.push(g.group_id);
      labels += g.ready;
    }
  }
  if (ready.length === 0) return "none";

  const transmitId = await run.session.transaction((tx) => startTransmit(tx, ready));
  run.emit({ type: "transmitting", groupIds: ready, labels });
  await run.at("transmit-sent");
  const answer = await run.carrier.transmit(ready);
  if (answer.kind === "ok") {
    // Recorded before anything else: from here on a crash never transmits these groups again.
    await run.session.transaction((tx) => recordTransmitted(tx, transmitId, "answered", ready, answer.value));
    await run.at("transmit-recorded");
    run.summary.transmitted.push(...ready);
    run.emit({ type: "transmitted", groupIds: ready, manifests: answer.value.length });
    return "transmitted";
  }
  const groups = ready.join(", ");
  if (answer.kind === "throttled") {
    // Canada Post's gateway turned the call away before doing anything: the labels stay open.
    const message = `Canada Post asked shipdesk to slow down and did not transmit ${groups} (${answer.error.message}); the next run transmits them.`;
    await run.session.transaction((tx) => abandonTransmit(tx, transmitId, message));
    run.summary.unreachable.push(message);
    run.emit({ type: "unreachable", message });
    return "unanswered";
  }
  if (answer.kind === "rejected") {
    // An answer, not a lost one. "Nothing to transmit" (9122) or "group not found" (9118) says
    // the groups hold no open label at Canada Post: each label's own status tells why (voided
    // there, or taken by an earlier transmit whose answer was lost). Any other refusal needs the
    // cause fixed; the labels are asked about all the same.
    const nothingThere = answer.error.has("9122") || answer.error.has("9118");
    const message = nothingThere
      ? `Canada Post found nothing to transmit in ${groups} (${answer.error.message}); shipdesk asks Canada Post about each of its labels instead.`
      : `Canada Post refused to transmit ${groups}: ${answer.error.message.replace(/\.+$/, "")}. Fix the cause, then run shipdesk manifest again.`;
    await recordTransmitRefused(run.db, transmitId, answer.error.message, message);
    run.summary.refused.push(message);
    if (!nothingThere) run.summary.failed.push(message);
    run.emit({ type: "refused", groupIds: ready, message, needsPerson: !nothingThere });
    return nothingThere ? "refused-nothing-there" : "refused";
  }
  // No answer (timeout, reset, 5xx): Canada Post may have transmitted. The transmit stays in
  // doubt and the next run asks Canada Post about each of its labels.
  const message = `Canada Post did not answer the transmit of ${groups} (${answer.error.message}); the next run asks Canada Post about each of its labels and never transmits one twice.`;
  await recordTransmitError(run.db, transmitId, message);
  run.summary.unreachable.push(message);
  run.emit({ type: "unreachable", message });
  return "unanswered";
}

/** The group's ready labels whose link belongs to the other API (a shop switched mid-day). */
function boughtElsewhere(run: EndOfDayRun, g: { ready_orders: string[]; ready_label_urls: (string | null)[] }): string[] {
  const api = run.settings.canadaPost.api;
  return g.ready_orders.filter((_, i) => {
    const url = g.ready_label_urls[i];
    const of = url ? apiOfLink(url) : undefined;
    return of !== undefined && of !== api;
  });
}
