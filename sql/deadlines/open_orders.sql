-- The deadline board: every order Best Buy still waits to see shipped (accepted there, its
-- shipment not confirmed yet), with what stands between it and its label and tracking. The
-- program orders them by deadline (read from the order as Best Buy sent it) and says the time left.
SELECT o.order_id, a.customer_name, a.ship_city, a.ship_province,
       o.raw ->> 'shipping_deadline' AS shipping_deadline,
       o.problems, o.attention, o.held_at, o.held_by,
       s.status AS label_status, s.attention AS shipment_attention, s.tracking_pin, s.last_error, s.service_code
FROM orders o
JOIN order_ship_to a ON a.order_id = o.order_id
LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.status = 'accepted'
ORDER BY o.imported_at, o.order_id;
