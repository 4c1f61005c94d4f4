-- Best Buy said no (or could not say): the shipment stays label_created, with Best Buy's
-- words, and counts towards asking a person.
UPDATE shipments
SET tracking_attempts = tracking_attempts + 1,
    tracking_first_failed_at = coalesce(tracking_first_failed_at, $4::text::timestamptz),
    last_error = $2,
    error_messages = $3::text::jsonb,
    updated_at = now()
WHERE shipment_id = $1
RETURNING tracking_attempts, tracking_first_failed_at;
