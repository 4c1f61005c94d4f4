-- OR23 accepted: kept at once, so that a later failure resumes at OR24.
UPDATE shipments
SET tracking_sent_at = coalesce(tracking_sent_at, $2::text::timestamptz),
    updated_at = now()
WHERE shipment_id = $1;
