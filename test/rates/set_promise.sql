-- Test-only: Best Buy's promise on an order, as OR11 would have carried it.
UPDATE orders SET raw = $2::text::jsonb WHERE order_id = $1;
