-- Test fixture: the order's problems fixed.
UPDATE orders SET problems = '[]'::jsonb WHERE order_id = $1;
