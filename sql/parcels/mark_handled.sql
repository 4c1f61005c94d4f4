-- The clerk dealt with what the order's parcel needed: it leaves the list until it needs a person
-- for another reason.
UPDATE parcels p SET handled = p.attention, updated_at = now()
FROM shipments s
WHERE p.order_id = $1 AND p.attention IS NOT NULL AND p.attention IS DISTINCT FROM p.handled
  AND s.tracking_pin = p.tracking_pin AND s.status IN ('label_created', 'tracking_updated')
RETURNING p.tracking_pin, p.attention;
