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
