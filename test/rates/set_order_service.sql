-- Test-only: the clerk's service for one order, as the review screen saves it.
UPDATE orders SET service_override = $2 WHERE order_id = $1;
