-- What decides whether the clerk may still choose an order's service: the order at Best Buy, and
-- its label (none yet, refused and not bought, or voided: the next label uses the choice).
SELECT o.order_id, o.status, o.attention, o.service_override, s.status AS label_status, s.service_code, s.tracking_pin
FROM orders o LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.order_id = $1;
