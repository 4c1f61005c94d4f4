-- Test-only: orders whose id matches a pattern, gone.
DELETE FROM orders WHERE order_id LIKE $1;
