-- Test read-back: what the review screen stored on an order.
SELECT order_id, weight_override_kg::float8 AS weight_override_kg, service_override FROM orders WHERE order_id = $1;
