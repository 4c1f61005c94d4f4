UPDATE shipments SET transmitted_at = now(), updated_at = now()
WHERE transmit_id = $1 AND transmitted_at IS NULL;
