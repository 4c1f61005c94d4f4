import type { Queryable } from "../db/index.ts";
import type { ParcelState } from "./states.ts";
import type { ParcelHead } from "./store.ts";
import listParcelsSql from "../../sql/parcels/list_parcels.sql" with { type: "text" };

/** A parcel as `shipdesk parcels` and the print page list it. */
export interface ListedParcel extends ParcelHead {
  handled: string | null;
  last_event_code: string | null;
  last_event_text: string | null;
  last_event_place: string | null;
  last_event_at: Date | null;
  expected_delivery: string | null;
  changed_delivery: string | null;
  delivered_at: Date | null;
  delivered_on: string | null;
  signed_by: string | null;
  attempts: number;
  post_office: string | null;
  held_until: string | null;
  late: boolean;
  claim_by: string | null;
  next_check_at: Date | null;
  watch_ended: boolean;
  last_error: string | null;
  proof_pdf_path: string | null;
  /** What the label cost, taxes included. */
  paid: number | null;
}

/** The parcels followed (at most 1000, newest label first), in one state or of one order when asked. */
export function listParcels(db: Queryable, filter: { state?: ParcelState | undefined; orderId?: string | undefined } = {}): Promise<ListedParcel[]> {
  return db.query<ListedParcel & Record<string, unknown>>(listParcelsSql, [filter.state ?? null, filter.orderId ?? null]);
}
