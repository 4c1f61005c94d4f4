-- Get Shipment says transmitted: it is, whatever this database thought; its manifest is looked for next.
UPDATE shipments SET transmitted_at = coalesce(transmitted_at, now()), cp_status = $2, cp_status_at = now(), updated_at = now()
WHERE shipment_id = $1;
