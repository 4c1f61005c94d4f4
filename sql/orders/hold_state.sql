-- What decides whether an order may be held or released: the order at Best Buy, its hold, and its label.
SELECT o.order_id, o.status, o.held_at, o.held_by, s.status AS label_status, s.tracking_pin
FROM orders o LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.order_id = $1;
