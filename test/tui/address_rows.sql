-- Test-only: what the review screen's address edit left in the database.
SELECT c.order_id, c.ship_street_1, c.ship_street_2, c.corrected_via, c.ended_at, s.status, s.tracking_pin,
       (SELECT a.request_payload ->> 'xml' FROM api_calls a WHERE a.endpoint = 'CreateShipment' AND a.related_id = c.order_id LIMIT 1) AS xml
FROM address_corrections c LEFT JOIN shipments s ON s.order_id = c.order_id
ORDER BY c.correction_id;
