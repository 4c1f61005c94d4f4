UPDATE shipments
SET attention = $2,
    updated_at = now()
WHERE shipment_id = $1;
