import type { OrderAddressRow } from "../common/order-row.ts";

/** A shipment joined with its order's address, as `shipment_for_work.sql` returns it. */
export interface WorkShipment extends OrderAddressRow {
  shipment_id: number;
  status: string;
  customer_request_id: string;
  create_attempt: number;
  cp_shipment_id: string | null;
  tracking_pin: string | null;
  cp_api_label_url: string | null;
  cp_links: unknown;
  service_code: string | null;
  weight_kg: number | null;
  length_cm: number | null;
  width_cm: number | null;
  height_cm: number | null;
  group_id: string | null;
  label_pdf_path: string | null;
  label_sha256: string | null;
  /** How long ago (database clock) the last Create Shipment was sent; null: never, or before shipdesk kept it. */
  create_sent_ms_ago: number | null;
}
