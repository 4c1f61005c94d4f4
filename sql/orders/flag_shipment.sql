-- A label was (or may have been) bought for an order that will not ship: a person must void it.
UPDATE shipments
SET attention = $2,
    updated_at = now()
WHERE order_id = $1
  AND status IN ('label_creation_initiated', 'label_created', 'tracking_updated')
  AND attention IS DISTINCT FROM $2
RETURNING shipment_id;
