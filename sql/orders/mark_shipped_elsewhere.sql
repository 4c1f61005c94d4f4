-- Best Buy shows the order shipped but shipdesk never bought it a label (the seller shipped it
-- by other means): shipped, with no shipment row, so no label is ever bought for it.
UPDATE orders
SET status = 'shipped',
    bestbuy_state = $2,
    raw = $3::text::jsonb,
    bestbuy_updated_at = $4::timestamptz,
    shipped_at = COALESCE($5::timestamptz, now()),
    updated_at = now()
WHERE order_id = $1
  AND status IN ('waiting_acceptance', 'accepted')
  AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = orders.order_id)
RETURNING order_id;
