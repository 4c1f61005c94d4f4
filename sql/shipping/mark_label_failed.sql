UPDATE shipments
SET status = 'label_failed', last_error = $2, error_messages = $3::text::jsonb, attempts = attempts + 1,
    updated_at = now()
WHERE shipment_id = $1 AND status = 'label_creation_initiated';
