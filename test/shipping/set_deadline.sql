-- Test-only: Best Buy's shipping deadline on an order, as OR11 writes it.
UPDATE orders SET raw = jsonb_build_object('shipping_deadline', $2::text) WHERE order_id = $1;
