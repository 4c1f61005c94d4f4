-- A status the end of day does not act on (suspended, …), or a void's look before it acts.
UPDATE shipments SET cp_status = $2, cp_status_at = now(), updated_at = now() WHERE shipment_id = $1;
