import { apiOfLink } from "../canadapost/index.ts";
import type { EndOfDayRun } from "./context.ts";
import { abandonTransmit, recordTransmitError, recordTransmitted, startTransmit, untransmittedGroups } from "./store.ts";

/**
 * Transmit Shipments for every group up to today's with labels not yet transmitted. A group
 * with a label in doubt waits: transmitting it could leave a paid label off the manifest.
 */
export async function transmitOpenGroups(run: EndOfDayRun): Promise<void> {
  const today = run.carrier.groupIdFor(run.today());
  const groups = await untransmittedGroups(run.db, today);
  const ready: string[] = [];
  let labels = 0;
  for (const g of groups) {
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
  if (ready.length === 0) return;

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
    return;
  }
  if (answer.kind === "rejected" && !answer.error.has("9122")) {
    const message = `Canada Post refused to transmit ${ready.join(", ")}: ${answer.error.message}. Fix the cause, then run shipdesk manifest again.`;
    await run.session.transaction((tx) => abandonTransmit(tx, transmitId, message));
    run.summary.failed.push(message);
    run.emit({ type: "failed", message });
    return;
  }
  // No answer, a throttle, or "group not found" (9122: perhaps an earlier, unrecorded transmit):
  // the transmit stays in doubt and the next run asks Canada Post what became of it.
  const message = `Canada Post's answer to the transmit of ${ready.join(", ")} did not arrive (${answer.error.message}); the next run asks Canada Post whether it was done and never transmits twice.`;
  await recordTransmitError(run.db, transmitId, message);
  run.summary.unreachable.push(message);
  run.emit({ type: "unreachable", message });
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
