-- Best Buy could not be reached: kept for the clerk to read, but not counted against the
-- shipment, which did nothing wrong.
UPDATE shipments
SET last_error = $2,
    updated_at = now()
WHERE shipment_id = $1;
