-- Canada Post voided the label (204, or 404: it no longer has it). The row keeps its history.
UPDATE shipments
SET status = 'voided', void_reason = $2, voided_at = now(), attention = NULL, last_error = NULL,
    error_messages = NULL, updated_at = now()
WHERE shipment_id = $1 AND status IN ('label_created', 'tracking_updated');
