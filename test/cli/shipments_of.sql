SELECT order_id, status FROM shipments ORDER BY order_id;
