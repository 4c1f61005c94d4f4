-- Labels the watch does not follow yet: bought (a PIN), not cancelled, bought since $1 (older
-- ones are past watch.days already). Best Buy need not have the tracking number yet.
SELECT s.tracking_pin, s.order_id, s.service_code, coalesce(s.label_created_at, s.created_at) AS label_at,
       s.expected_delivery::text AS expected_delivery
FROM shipments s
WHERE s.tracking_pin IS NOT NULL AND s.status IN ('label_created', 'tracking_updated')
  AND coalesce(s.label_created_at, s.created_at) > $1
  AND NOT EXISTS (SELECT 1 FROM parcels p WHERE p.tracking_pin = s.tracking_pin)
ORDER BY label_at, s.tracking_pin;
