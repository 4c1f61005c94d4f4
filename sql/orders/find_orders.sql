-- The local state of the given orders ($1: JSON array of order ids), with their shipment if any.
SELECT o.order_id, o.status, s.status AS shipment_status
FROM orders o
LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.order_id IN (SELECT jsonb_array_elements_text($1::text::jsonb));
