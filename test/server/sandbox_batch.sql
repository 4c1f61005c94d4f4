-- Test-only: the labels a real sandbox batch left, as the browser test checks them.
SELECT s.shipment_id AS "shipmentId", s.order_id AS "orderId", o.customer_name AS name, o.ship_city AS city,
       s.tracking_pin AS pin, s.label_pdf_path AS path
FROM shipments s JOIN orders o ON o.order_id = s.order_id
ORDER BY s.shipment_id;
