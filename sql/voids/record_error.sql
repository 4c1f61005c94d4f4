UPDATE shipments SET last_error = $2, error_messages = $3::text::jsonb, updated_at = now() WHERE shipment_id = $1;
