-- Accepted orders with no shipment yet, problems or not: the pre-flight check looks at each.
-- next_attempt counts on past a label that was voided or refunded and moved to shipment_history,
-- so a replacement never reuses (and a recovery never adopts) the old customer-request-id.
-- The address is the one the label would use: the clerk's correction, else Best Buy's. A held
-- order is listed (the desk shows it, to release it); the run leaves it alone. The program puts
-- the list in deadline order (earliest first): the order labels are bought in.
SELECT o.order_id, a.customer_name, a.ship_company, a.ship_street_1, a.ship_street_2, a.ship_city,
       a.ship_province, a.ship_postal_code, a.ship_country, a.ship_phone, a.ship_email,
       a.correction_id, a.bestbuy_changed,
       o.order_lines, o.problems, o.weight_override_kg::float8 AS weight_override_kg, o.service_override,
       o.held_at, o.held_by,
       o.raw->'delivery_date'->>'latest' AS delivery_latest, o.raw->>'shipping_deadline' AS shipping_deadline,
       (SELECT coalesce(max(h.create_attempt), 0) + 1 FROM shipment_history h WHERE h.order_id = o.order_id)::int AS next_attempt
FROM orders o
JOIN order_ship_to a ON a.order_id = o.order_id
WHERE o.status = 'accepted'
  AND o.attention IS NULL
  AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.order_id)
ORDER BY o.imported_at, o.order_id;
