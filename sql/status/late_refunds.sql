-- Guaranteed parcels delivered late whose refund can still be claimed ($1: today), the
-- soonest deadline first: what each label cost, the promised and the delivery day.
SELECT p.order_id, p.tracking_pin, p.service_code, p.expected_delivery::text AS expected_delivery,
       p.delivered_on::text AS delivered_on, p.claim_by::text AS claim_by,
       coalesce(s.charged_due, s.quoted_due)::float8 AS paid, p.handled = 'late' AS claimed
FROM parcels p
JOIN shipments s ON s.tracking_pin = p.tracking_pin AND s.status IN ('label_created', 'tracking_updated')
WHERE p.late AND p.guaranteed AND p.claim_by >= $1::date
ORDER BY p.claim_by, p.order_id;
