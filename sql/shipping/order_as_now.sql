-- One accepted order as its label would be built now (a refused label bought again): the
-- address the label would use (the clerk's correction, else Best Buy's), the clerk's weight and
-- service, Best Buy's promise. The same columns as unshipped_orders.sql.
SELECT o.order_id, a.customer_name, a.ship_company, a.ship_street_1, a.ship_street_2, a.ship_city,
       a.ship_province, a.ship_postal_code, a.ship_country, a.ship_phone, a.ship_email,
       a.correction_id, a.bestbuy_changed,
       o.order_lines, o.problems, o.weight_override_kg::float8 AS weight_override_kg, o.service_override,
       o.raw->'delivery_date'->>'latest' AS delivery_latest, o.raw->>'shipping_deadline' AS shipping_deadline,
       (SELECT coalesce(max(h.create_attempt), 0) + 1 FROM shipment_history h WHERE h.order_id = o.order_id)::int AS next_attempt
FROM orders o
JOIN order_ship_to a ON a.order_id = o.order_id
WHERE o.order_id = $1 AND o.status = 'accepted' AND o.attention IS NULL;
