-- Something went wrong but the shipment stays where it is, for the next run to finish.
UPDATE shipments
SET last_error = $2, error_messages = $3::text::jsonb, attempts = attempts + 1, updated_at = now()
WHERE shipment_id = $1;
