import type { CanadaPostError } from "./error.ts";
import type { CarrierOutcome } from "./outcome.ts";
import type { ShipmentInfo } from "./answers.ts";

/**
 * What Get Shipment says about one label, in the end of day's terms:
 * - open: `created`, in its group, not transmitted (it can still be voided, or transmitted);
 * - transmitted: on a manifest (only a refund cancels it now);
 * - cancelled: voided (shown as `cancelled`, or gone: 404), on no manifest, billed for nothing;
 * - other: a status shipdesk does not act on (suspended, …): a person asks Canada Post;
 * - refused / unreachable: Canada Post said no to the question, or did not answer it.
 */
export type LabelState =
  | { kind: "open"; status: string; info: ShipmentInfo }
  | { kind: "transmitted"; status: string; info: ShipmentInfo }
  | { kind: "cancelled"; status: string; info: ShipmentInfo | undefined }
  | { kind: "other"; status: string; info: ShipmentInfo }
  | { kind: "refused"; error: CanadaPostError }
  | { kind: "unreachable"; error: CanadaPostError };

export function labelStateOf(outcome: CarrierOutcome<ShipmentInfo>): LabelState {
  if (outcome.kind === "ok") {
    const status = outcome.value.status.toLowerCase();
    const info = outcome.value;
    if (status === "created") return { kind: "open", status, info };
    if (status === "transmitted") return { kind: "transmitted", status, info };
    if (status === "cancelled" || status === "voided") return { kind: "cancelled", status, info };
    return { kind: "other", status, info };
  }
  // A shipment link Canada Post gave no longer leads anywhere: it was voided (README §4: 404 on a
  // voided or expired shipment).
  if (outcome.kind === "rejected" && outcome.error.status === 404) return { kind: "cancelled", status: "not found (404)", info: undefined };
  if (outcome.kind === "rejected") return { kind: "refused", error: outcome.error };
  return { kind: "unreachable", error: outcome.error };
}
