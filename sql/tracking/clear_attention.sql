-- The clerk fixed what stopped the tracking: count from zero again. A cancelled order keeps
-- its flag (voiding the label is what clears it).
UPDATE shipments s
SET attention = NULL,
    tracking_attempts = 0,
    tracking_first_failed_at = NULL,
    updated_at = now()
FROM orders o
WHERE s.order_id = $1
  AND o.order_id = s.order_id
  AND s.status = 'label_created'
  AND s.attention IS NOT NULL
  AND o.status NOT IN ('cancelled', 'refused')
RETURNING s.shipment_id;
