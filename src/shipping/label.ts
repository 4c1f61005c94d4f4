import { findLink, type Link, type LinkRef } from "../canadapost/index.ts";
import { LABELS_FOLDER_CAUSE, labelFileName, writeLabelFile } from "../labels/index.ts";
import { labelEncodingOf } from "../pdf.ts";
import type { RunContext } from "./deps.ts";
import { markLabelCreated, recordShipmentError, saveLabelFile } from "./store.ts";
import type { WorkShipment } from "./shipment-row.ts";
import { THROTTLE_TRIES } from "./create.ts";

export type LabelResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * Fetches the label from the link Canada Post gave (never buys another) and writes it into the
 * labels folder. A failure here leaves the PIN and link in the database for the next run.
 * `finish` moves a new shipment to label_created; a re-fetch only records the new file.
 */
export async function downloadLabel(ctx: RunContext, s: WorkShipment, finish: boolean): Promise<LabelResult> {
  if (!s.cp_api_label_url || !s.tracking_pin) {
    return { ok: false, message: "Canada Post gave no label link for this shipment; look it up at Canada Post." };
  }
  const link = labelLinkOf(s);
  let fetched = await ctx.carrier.getLabel(link, s.order_id);
  // A throttled download fetched nothing and changes nothing: wait the group's back-off and try
  // again in this run, as for Create Shipment, rather than leave a bought label unsaved.
  for (let attempt = 1; fetched.kind === "throttled" && attempt < THROTTLE_TRIES && !ctx.stopping(); attempt++) {
    ctx.emit({ type: "throttled", orderId: s.order_id, waitMs: fetched.retryAfterMs });
    await ctx.pause(fetched.retryAfterMs);
    fetched = await ctx.carrier.getLabel(link, s.order_id);
  }
  if (fetched.kind !== "ok") {
    const message = `The label could not be downloaded (${fetched.error.message}); the next run tries again, nothing is bought twice.`;
    await recordShipmentError(ctx.db, s.shipment_id, message, fetched.error.messages);
    return { ok: false, message };
  }
  // Saved as Canada Post made it, never altered: a .zpl for a ZPL label, a .pdf otherwise.
  const extension = labelEncodingOf(fetched.value) === "zpl" ? "zpl" : "pdf";
  const written = await writeLabelFile(ctx.settings.labelsDir, labelFileName(s.order_id, s.tracking_pin, extension), fetched.value);
  if (!written.ok) {
    // The cause is the folder, not this label: `status` says it once for every label it stopped.
    await recordShipmentError(ctx.db, s.shipment_id, written.problem, [{ code: LABELS_FOLDER_CAUSE, description: written.code }]);
    return { ok: false, message: written.problem };
  }
  await ctx.at("label-written", s.order_id);
  if (finish) await markLabelCreated(ctx.db, s.shipment_id, written, ctx.queuePrint === true);
  else await saveLabelFile(ctx.db, s.shipment_id, written);
  return { ok: true, path: written.path };
}

/**
 * The label's link as Canada Post gave it (its media type is the Accept: a PDF, or ZPL when
 * Create Shipment asked for ZPL); a label bought before links were kept is its stored href (a PDF).
 */
export function labelLinkOf(s: Pick<WorkShipment, "cp_api_label_url" | "cp_links">): LinkRef {
  const links = Array.isArray(s.cp_links) ? (s.cp_links as Link[]) : [];
  const label = links.find((l) => l.rel === "label" && l.href === s.cp_api_label_url) ?? findLink(links, "label");
  return label && label.href === s.cp_api_label_url ? label : s.cp_api_label_url!;
}
