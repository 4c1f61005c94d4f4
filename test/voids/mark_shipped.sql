-- Test-only: as the tracking workflow leaves an order Best Buy accepted as shipped.
WITH s AS (UPDATE shipments SET status = 'tracking_updated', tracking_updated_at = now() WHERE order_id = $1 RETURNING order_id)
UPDATE orders SET status = 'shipped', shipped_at = now() WHERE order_id = $1;
