-- The parcels followed, newest label first: all, or those in state $1, or of order $2 (each
-- filter when given). Labels voided since are left out.
SELECT p.tracking_pin, p.order_id, p.service_code, p.guaranteed, p.label_at, p.state, p.attention, p.handled,
       p.last_event_code, p.last_event_text, p.last_event_place, p.last_event_at,
       p.expected_delivery::text AS expected_delivery, p.changed_delivery::text AS changed_delivery,
       p.delivered_at, p.delivered_on::text AS delivered_on, p.signed_by, p.attempts, p.post_office,
       p.held_until::text AS held_until, p.late, p.claim_by::text AS claim_by, p.next_check_at, p.watch_ended,
       p.last_error, p.proof_pdf_path, coalesce(s.charged_due, s.quoted_due)::float8 AS paid
FROM parcels p
JOIN shipments s ON s.tracking_pin = p.tracking_pin AND s.status IN ('label_created', 'tracking_updated')
WHERE ($1::text IS NULL OR p.state = $1) AND ($2::text IS NULL OR p.order_id = $2)
ORDER BY p.label_at DESC, p.order_id
LIMIT 1000;
