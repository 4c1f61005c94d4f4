import type { Link } from "../canadapost/index.ts";
import { idOfHref, localYmd, type EndOfDayRun } from "./context.ts";
import { abandonTransmit, knownManifestUrls, recordTransmitted, transmitShipments, transmitsInDoubt, type TransmitInDoubt } from "./store.ts";

/**
 * A transmit whose answer never reached the database: ask Canada Post. If the labels are still
 * open in their groups it was not done (and the labels are free again); if they are gone, it
 * was, and Get Manifests by date finds the manifest(s) listing them. Never transmits.
 * Returns false while something is still in doubt (nothing new may be transmitted then).
 */
export async function settleTransmitsInDoubt(run: EndOfDayRun): Promise<boolean> {
  for (const t of await transmitsInDoubt(run.db)) {
    if (!(await settle(run, t))) return false;
  }
  return true;
}

async function settle(run: EndOfDayRun, t: TransmitInDoubt): Promise<boolean> {
  const ours = await transmitShipments(run.db, t.transmit_id);
  const ourIds = new Set(ours.flatMap((s) => (s.cp_shipment_id ? [s.cp_shipment_id] : [])));
  const open = new Set<string>();
  for (const groupId of t.group_ids) {
    const listed = await run.carrier.findShipmentsByGroup(groupId);
    if (listed.kind !== "ok") return unreachable(run, `Canada Post could not say whether group ${groupId} was transmitted (${listed.error.message}); nothing is transmitted until it can.`);
    for (const link of listed.value) open.add(idOfHref(link.href));
  }
  const stillOpen = [...ourIds].filter((id) => open.has(id));
  // No label of it left (all voided since): whatever happened, there is nothing to fetch.
  if (ourIds.size === 0 || stillOpen.length === ourIds.size) {
    const message = `The transmit of ${t.group_ids.join(", ")} did not happen at Canada Post; it is sent again.`;
    await run.session.transaction((tx) => abandonTransmit(tx, t.transmit_id, message));
    run.emit({ type: "settled", groupIds: t.group_ids, transmitted: false, message });
    return true;
  }
  if (stillOpen.length > 0) {
    const message = `Canada Post lists some labels of the transmit of ${t.group_ids.join(", ")} as transmitted and others not (${stillOpen.length} open); call Canada Post before transmitting these groups again.`;
    run.summary.failed.push(message);
    run.emit({ type: "failed", message });
    return false;
  }

  const manifests = await manifestsListing(run, t, ourIds);
  if (manifests === "unreachable") return false;
  if (manifests.length === 0) {
    return unreachable(run, `Canada Post transmitted ${t.group_ids.join(", ")} but does not list its manifest yet; the next run fetches it.`);
  }
  await run.session.transaction((tx) => recordTransmitted(tx, t.transmit_id, "recovered", t.group_ids, manifests));
  await run.at("transmit-recorded");
  run.summary.transmitted.push(...t.group_ids);
  const message = `The transmit of ${t.group_ids.join(", ")} had been done at Canada Post (its answer was lost); its manifest is fetched now.`;
  run.emit({ type: "settled", groupIds: t.group_ids, transmitted: true, message });
  return true;
}

/** Get Manifests from the day of the transmit: the new ones that list one of our labels. */
async function manifestsListing(run: EndOfDayRun, t: TransmitInDoubt, ourIds: ReadonlySet<string>): Promise<Link[] | "unreachable"> {
  const found = await run.carrier.findManifests(localYmd(new Date(t.sent_at)));
  if (found.kind !== "ok") {
    unreachable(run, `Canada Post could not list the manifests (${found.error.message}); the next run asks again.`);
    return "unreachable";
  }
  const known = await knownManifestUrls(run.db);
  const ours: Link[] = [];
  for (const link of found.value.filter((l) => !known.has(l.href))) {
    const manifest = await run.carrier.getManifest(link);
    if (manifest.kind !== "ok" || !manifest.value.manifestShipments) {
      unreachable(run, `Canada Post could not show manifest ${link.href} (${manifest.kind === "ok" ? "no shipment list" : manifest.error.message}); the next run asks again.`);
      return "unreachable";
    }
    const listed = await run.carrier.getManifestShipments(manifest.value.manifestShipments);
    if (listed.kind !== "ok") {
      unreachable(run, `Canada Post could not list the labels of manifest ${link.href} (${listed.error.message}); the next run asks again.`);
      return "unreachable";
    }
    if (listed.value.some((l) => ourIds.has(idOfHref(l.href)))) ours.push(link);
  }
  return ours;
}

function unreachable(run: EndOfDayRun, message: string): false {
  run.summary.unreachable.push(message);
  run.emit({ type: "unreachable", message });
  return false;
}
