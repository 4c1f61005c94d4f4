UPDATE shipments SET transmit_id = NULL, updated_at = now()
WHERE transmit_id = $1 AND transmitted_at IS NULL;
