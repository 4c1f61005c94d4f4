import { idOfHref, localYmd, type EndOfDayRun } from "./context.ts";
import { knownManifestUrls, labelsWithoutManifest, recordFoundManifest, type LabelWithoutManifest } from "./store.ts";

/**
 * Labels Canada Post has as transmitted that no manifest here lists (a transmit whose answer was
 * lost, or refused because an earlier one had taken them): Get Manifests from the day the oldest
 * was bought, and each manifest not known here that lists one of them is recorded, to be fetched
 * and linked like any other. Asked once per run.
 */
export async function findMissingManifests(run: EndOfDayRun): Promise<void> {
  const orphans = await labelsWithoutManifest(run.db);
  if (orphans.length === 0) return;
  const wanted = new Map<string, LabelWithoutManifest>(orphans.map((o) => [o.cp_shipment_id, o]));
  const since = new Date(Math.min(...orphans.map((o) => new Date(o.bought_at).getTime())));
  const found = await run.carrier.findManifests(localYmd(since));
  if (found.kind !== "ok") return unreachable(run, `Canada Post could not list the manifests (${found.error.message}); the next run asks again.`);
  const known = await knownManifestUrls(run.db);
  for (const link of found.value) {
    if (wanted.size === 0) break;
    if (known.has(link.href)) continue;
    const manifest = await run.carrier.getManifest(link);
    if (manifest.kind !== "ok" || !manifest.value.manifestShipments) {
      const why = manifest.kind === "ok" ? "it gives no list of its labels" : manifest.error.message;
      return unreachable(run, `Canada Post could not show manifest ${idOfHref(link.href)} (${why}); the next run asks again.`);
    }
    const listed = await run.carrier.getManifestShipments(manifest.value.manifestShipments);
    if (listed.kind !== "ok") {
      return unreachable(run, `Canada Post could not list the labels of manifest ${idOfHref(link.href)} (${listed.error.message}); the next run asks again.`);
    }
    const ours = listed.value.map((l) => wanted.get(idOfHref(l.href))).filter((o): o is LabelWithoutManifest => o !== undefined);
    if (ours.length === 0) continue;
    await recordFoundManifest(run.db, ours[0]!.transmit_id, [...new Set(ours.map((o) => o.group_id))], link.href);
    for (const o of ours) wanted.delete(o.cp_shipment_id);
  }
  if (wanted.size > 0) {
    const orders = [...wanted.values()].map((o) => o.order_id);
    unreachable(run, `Canada Post has the label(s) of order(s) ${orders.join(", ")} as transmitted but lists no manifest with them yet; the next run looks again.`);
  }
}

function unreachable(run: EndOfDayRun, message: string): void {
  run.summary.unreachable.push(message);
  run.emit({ type: "unreachable", message });
}
