-- A shipment with everything needed to create, recover or download its label.
SELECT s.shipment_id, s.order_id, s.status, s.customer_request_id, s.create_attempt, s.cp_shipment_id,
       s.tracking_pin, s.cp_api_label_url, s.cp_links, s.service_code, s.weight_kg::float8 AS weight_kg,
       s.length_cm::float8 AS length_cm, s.width_cm::float8 AS width_cm, s.height_cm::float8 AS height_cm,
       s.group_id, s.label_pdf_path, s.label_sha256,
       o.customer_name, o.ship_company, o.ship_street_1, o.ship_street_2, o.ship_city, o.ship_province,
       o.ship_postal_code, o.ship_country, o.ship_phone, o.ship_email, o.order_lines
FROM shipments s JOIN orders o ON o.order_id = s.order_id
WHERE s.shipment_id = $1;
