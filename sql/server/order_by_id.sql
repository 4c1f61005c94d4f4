SELECT o.order_id, o.status, o.customer_name, o.ship_company, o.ship_city, o.ship_province,
       o.ship_postal_code, o.problems, o.attention, o.imported_at, o.shipped_at,
       s.shipment_id, s.status AS shipment_status, s.tracking_pin, s.last_error,
       s.attention AS shipment_attention, s.label_created_at, s.printed_at,
       s.charged_due::float8 AS charged_due, s.service_code, o.service_override
FROM orders o
LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.order_id = $1;
