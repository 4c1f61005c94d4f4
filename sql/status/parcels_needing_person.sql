-- Parcels a person must see to: waiting at a post office, returning, returned, stuck, or
-- delivered late (until $1, today, is past the last day to claim). The clerk's --done takes one
-- off until it needs a person for another reason. With what the fix names: the post office and
-- the day it holds the parcel until, the last event, the dates, what the label cost.
SELECT p.order_id, p.tracking_pin, p.attention, p.state, p.last_event_text, p.last_event_place, p.last_event_at,
       p.last_scan_at, p.post_office, p.held_until::text AS held_until, p.expected_delivery::text AS expected_delivery,
       p.delivered_on::text AS delivered_on, p.claim_by::text AS claim_by, p.guaranteed, p.watch_ended, p.label_at,
       coalesce(s.charged_due, s.quoted_due)::float8 AS paid, o.customer_name, o.ship_phone,
       coalesce(p.last_checked_at, p.updated_at) AS since
FROM parcels p
JOIN shipments s ON s.tracking_pin = p.tracking_pin AND s.status IN ('label_created', 'tracking_updated')
JOIN orders o ON o.order_id = p.order_id
WHERE p.attention IS NOT NULL AND p.attention IS DISTINCT FROM p.handled
  AND (p.attention <> 'late' OR p.claim_by >= $1::date)
ORDER BY since, p.order_id;
