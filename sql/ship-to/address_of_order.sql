-- One order's address as the label would print it, with Best Buy's beside it and the state
-- that says whether it may still change ($1: order id).
SELECT o.order_id, o.status, s.status AS shipment_status, o.problems,
       o.customer_name AS bb_name, o.ship_company AS bb_company, o.ship_street_1 AS bb_street_1,
       o.ship_street_2 AS bb_street_2, o.ship_city AS bb_city, o.ship_province AS bb_province,
       o.ship_postal_code AS bb_postal_code, o.ship_country AS bb_country, o.ship_phone AS bb_phone,
       a.customer_name, a.ship_company, a.ship_street_1, a.ship_street_2, a.ship_city, a.ship_province,
       a.ship_postal_code, a.ship_country, a.ship_phone, a.ship_email,
       a.correction_id, a.corrected_by, a.corrected_via, a.corrected_at, a.bestbuy_changed
FROM orders o
JOIN order_ship_to a ON a.order_id = o.order_id
LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.order_id = $1;
