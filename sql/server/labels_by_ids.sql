-- Labels by shipment id; $1 is a comma-separated list of ids (one text parameter works the
-- same on postgres.js and PGlite, where array parameters do not).
SELECT s.shipment_id, s.order_id, s.status, s.tracking_pin, s.service_code, s.label_pdf_path,
       s.label_created_at, s.printed_at, o.customer_name, o.ship_city, o.ship_province
FROM shipments s
JOIN order_ship_to o ON o.order_id = s.order_id  -- the address on the label
WHERE s.shipment_id = ANY (string_to_array($1::text, ',')::bigint[])
  AND s.label_pdf_path IS NOT NULL
  AND s.status IN ('label_created', 'tracking_updated')
ORDER BY s.label_created_at, s.shipment_id;
