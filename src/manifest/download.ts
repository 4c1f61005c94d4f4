import { isValidWindowsFileName, writeLabelFile } from "../labels/index.ts";
import { idOfHref, localYmd, type EndOfDayRun } from "./context.ts";
import { linkManifestShipments, linkTransmitShipments, manifestsToFinish, recordManifestError, saveManifestInfo, saveManifestPdf, type ManifestToFinish } from "./store.ts";

/** Every manifest Canada Post made whose PDF is not saved: Get Manifest, its labels, its PDF. */
export async function saveManifests(run: EndOfDayRun): Promise<void> {
  for (const m of await manifestsToFinish(run.db)) {
    if (run.triedManifests.has(m.manifest_id)) continue;
    run.triedManifests.add(m.manifest_id);
    await saveManifest(run, m);
  }
}

async function saveManifest(run: EndOfDayRun, m: ManifestToFinish): Promise<void> {
  const got = await run.carrier.getManifest(m.cp_manifest_url);
  if (got.kind !== "ok" || !got.value.artifact) {
    // 9153: asked too soon after the transmit; like no answer, the next run asks again.
    const why = got.kind === "ok" ? "it has no PDF link yet" : got.error.message;
    return problem(run, m, `Canada Post could not show manifest ${idOfHref(m.cp_manifest_url)} (${why}); the next run fetches it.`, got.kind === "rejected" && !got.error.has("9153"));
  }
  const manifest = got.value;
  await saveManifestInfo(run.db, m.manifest_id, manifest.poNumber ?? null, manifest.artifact!.href);
  const linked = await linkShipments(run, m, manifest.manifestShipments);
  if (!linked) return;
  await run.at("manifest-recorded");

  const pdf = await run.carrier.getManifestPdf(manifest.artifact!);
  if (pdf.kind !== "ok") {
    return problem(run, m, `The manifest PDF ${manifest.poNumber ?? ""} could not be downloaded (${pdf.error.message}); the next run fetches it.`, false);
  }
  const name = manifestFileName(run.today(), manifest.poNumber ?? idOfHref(m.cp_manifest_url));
  const written = await writeLabelFile(run.settings.labelsDir, name, pdf.value);
  if (!written.ok) {
    return problem(run, m, written.problem.replace("the label is paid for and kept at Canada Post", "the manifest is kept at Canada Post"), true);
  }
  await run.at("pdf-written");
  await saveManifestPdf(run.db, m.manifest_id, written);
  run.summary.saved.push({ poNumber: manifest.poNumber ?? "", path: written.path });
  run.emit({ type: "manifest-saved", poNumber: manifest.poNumber ?? "", path: written.path, shipments: m.siblings });
}

/**
 * Links our labels to the manifest: by Canada Post's own list when it gives one, else (a transmit
 * that made a single manifest) every label of the transmit.
 */
async function linkShipments(run: EndOfDayRun, m: ManifestToFinish, listLink: Parameters<EndOfDayRun["carrier"]["getManifestShipments"]>[0] | undefined): Promise<boolean> {
  if (listLink) {
    const listed = await run.carrier.getManifestShipments(listLink);
    if (listed.kind !== "ok") {
      await problem(run, m, `Canada Post could not list the labels of manifest ${idOfHref(m.cp_manifest_url)} (${listed.error.message}); the next run asks again.`, false);
      return false;
    }
    await linkManifestShipments(run.db, m.manifest_id, listed.value.map((l) => idOfHref(l.href)));
  } else if (m.siblings === 1) {
    await linkTransmitShipments(run.db, m.manifest_id, m.transmit_id);
  }
  return true;
}

async function problem(run: EndOfDayRun, m: ManifestToFinish, message: string, needsPerson: boolean): Promise<void> {
  await recordManifestError(run.db, m.manifest_id, message);
  if (needsPerson) {
    run.summary.failed.push(message);
    run.emit({ type: "failed", message });
  } else {
    run.summary.unreachable.push(message);
    run.emit({ type: "unreachable", message });
  }
}

/** manifest-YYYYMMDD-PO.pdf, safe on Windows. */
export function manifestFileName(day: Date, poNumber: string): string {
  const name = `manifest-${localYmd(day)}-${poNumber.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 40) || "po"}.pdf`;
  return isValidWindowsFileName(name) ? name : `manifest-${localYmd(day)}.pdf`;
}
