-- Test-only: Best Buy's delivery promise on an order, as OR11 would carry it.
UPDATE orders SET raw = jsonb_set(raw, '{delivery_date}', jsonb_build_object('earliest', NULL, 'latest', $2::text)) WHERE order_id = $1;
