SELECT s.shipment_id, s.order_id, s.create_attempt, s.status, s.last_error,
       o.weight_override_kg::float8 AS weight_override_kg, o.service_override
FROM shipments s JOIN orders o ON o.order_id = s.order_id
WHERE s.order_id = $1;
