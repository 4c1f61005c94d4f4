-- Test fixture: an order with Best Buy's deadline ($3, as OR11 writes it) and, when shipped by
-- other means, the time intake found it shipped ($4).
INSERT INTO orders (order_id, status, raw, shipped_at, customer_name, ship_city, ship_province, imported_at)
VALUES ($1, $2, jsonb_build_object('shipping_deadline', $3::text), $4::timestamptz, 'Test Customer', 'Halifax', 'NS', now() - interval '40 days');
