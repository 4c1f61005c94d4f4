-- Canada Post took the refund request for a transmitted label: its service ticket is kept.
UPDATE shipments
SET status = 'refund_requested', void_reason = $2, refund_requested_at = now(), refund_ticket_id = $3,
    refund_ticket_date = $4::date, attention = NULL, last_error = NULL, error_messages = NULL, updated_at = now()
WHERE shipment_id = $1 AND status IN ('label_created', 'tracking_updated');
