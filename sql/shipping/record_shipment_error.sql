-- Something went wrong but the shipment stays where it is, for the next run to finish. $4: Canada
-- Post gave its answer to the last Create Shipment (a refusal, a throttle, a 500), so it is not
-- still making a label for it: an empty search is then proof at once (see mark_create_sent.sql).
UPDATE shipments
SET last_error = $2, error_messages = $3::text::jsonb, attempts = attempts + 1, updated_at = now(),
    create_sent_at = CASE WHEN $4::boolean THEN NULL ELSE create_sent_at END
WHERE shipment_id = $1;
