-- Best Buy confirmed the shipment. A cancelled or refused order is never marked shipped.
UPDATE orders
SET status = 'shipped',
    bestbuy_state = 'SHIPPED',
    shipped_at = coalesce(shipped_at, $2::text::timestamptz),
    updated_at = now()
WHERE order_id = $1
  AND status NOT IN ('cancelled', 'refused', 'closed');
