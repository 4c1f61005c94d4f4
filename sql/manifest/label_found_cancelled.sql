-- Get Shipment says cancelled (or the shipment is gone): voided at Canada Post, not by shipdesk.
UPDATE shipments
SET status = 'voided', void_reason = $2, voided_at = now(), cp_status = $3, cp_status_at = now(), updated_at = now()
WHERE shipment_id = $1 AND status IN ('label_created', 'tracking_updated');
