-- Get Shipment says created: the transmit did not take it; it is free for the next transmit.
UPDATE shipments SET transmit_id = NULL, cp_status = $2, cp_status_at = now(), updated_at = now()
WHERE shipment_id = $1 AND transmitted_at IS NULL;
