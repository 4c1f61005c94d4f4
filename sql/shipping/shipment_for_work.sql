-- A shipment with everything needed to create, recover or download its label; the address is
-- the clerk's correction when there is one (order_ship_to), else Best Buy's.
SELECT s.shipment_id, s.order_id, s.status, s.customer_request_id, s.create_attempt, s.cp_shipment_id,
       s.tracking_pin, s.cp_api_label_url, s.cp_links, s.service_code, s.weight_kg::float8 AS weight_kg,
       s.length_cm::float8 AS length_cm, s.width_cm::float8 AS width_cm, s.height_cm::float8 AS height_cm,
       s.group_id, s.label_pdf_path, s.label_sha256,
       (extract(epoch FROM now() - s.create_sent_at) * 1000)::float8 AS create_sent_ms_ago,
       a.customer_name, a.ship_company, a.ship_street_1, a.ship_street_2, a.ship_city, a.ship_province,
       a.ship_postal_code, a.ship_country, a.ship_phone, a.ship_email, o.order_lines
FROM shipments s
JOIN orders o ON o.order_id = s.order_id
JOIN order_ship_to a ON a.order_id = s.order_id
WHERE s.shipment_id = $1;
