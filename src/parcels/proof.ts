import { labelFileIsGood, proofFileName, writeLabelFile } from "../labels/index.ts";
import type { ParcelsDeps } from "./deps.ts";
import { STATE_WORDS } from "./states.ts";
import { parcelOfOrder, saveProofPath } from "./store.ts";

export type ProofResult = { ok: true; path: string; fetched: boolean } | { ok: false; message: string; canRetry: boolean };

/**
 * The Delivery Confirmation Certificate of the order's parcel (service, references, delivery
 * date, who signed), for a Best Buy "item not received" incident: saved in the labels folder
 * beside the label. Asked of Canada Post only for a delivered parcel, and only once: a saved,
 * intact certificate is not asked for again. The call is in throttle group F (6 a minute).
 */
export async function saveProof(deps: ParcelsDeps, orderId: string): Promise<ProofResult> {
  const parcel = await parcelOfOrder(deps.db, orderId);
  if (!parcel) {
    return { ok: false, canRetry: false, message: `Order ${orderId} has no parcel shipdesk follows (no label bought, or its label was cancelled); check the order id.` };
  }
  if (parcel.state !== "delivered") {
    const why = parcel.state === "returned" ? "it went back to you" : `it is ${STATE_WORDS[parcel.state]}`;
    return { ok: false, canRetry: false, message: `The parcel of order ${orderId} (PIN ${parcel.tracking_pin}) is not delivered: ${why}; Canada Post gives a delivery certificate only for a delivered parcel.` };
  }
  if (parcel.proof_pdf_path && labelFileIsGood(parcel.proof_pdf_path, parcel.proof_sha256)) return { ok: true, path: parcel.proof_pdf_path, fetched: false };
  const got = await deps.carrier.getDeliveryCertificate(parcel.tracking_pin, orderId);
  if (got.kind !== "ok") {
    const later = got.kind === "throttled" || got.kind === "unknown";
    return { ok: false, canRetry: later, message: `Canada Post did not give the delivery certificate of order ${orderId}: ${got.error.message}${later ? "; try again in a minute." : "."}` };
  }
  const written = await writeLabelFile(deps.settings.labelsDir, proofFileName(orderId, parcel.tracking_pin), got.value);
  if (!written.ok) {
    return { ok: false, canRetry: true, message: `The delivery certificate of order ${orderId} could not be saved in the labels folder ${deps.settings.labelsDir} (${written.code}); fix the folder, then run shipdesk proof ${orderId} again.` };
  }
  await saveProofPath(deps.db, parcel.tracking_pin, written.path, written.sha256);
  return { ok: true, path: written.path, fetched: true };
}
