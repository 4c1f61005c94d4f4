-- Seed 2.2 step 4, the shipment's half (the order's half runs in the same transaction).
UPDATE shipments
SET status = 'tracking_updated',
    tracking_updated_at = $2::text::timestamptz,
    last_error = NULL,
    error_messages = NULL,
    updated_at = now()
WHERE shipment_id = $1
  AND status = 'label_created'
  AND bestbuy_shipped_at IS NOT NULL
RETURNING order_id;
