-- Seed 2.2 step 1: labels bought and not yet shipped at Best Buy. Shipments flagged for a
-- person are left alone until the clerk clears them; cancelled orders are included so that
-- they are flagged (never shipped).
SELECT s.shipment_id, s.order_id, s.tracking_pin
FROM shipments s
WHERE s.status = 'label_created'
  AND s.attention IS NULL
ORDER BY s.shipment_id;
