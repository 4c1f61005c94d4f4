-- The clerk's Canada Post service for this one order.
UPDATE orders SET service_override = $2, updated_at = now() WHERE order_id = $1;
