-- The claim: only the runner whose insert returns a row buys this order's label. The order is
-- re-checked here, inside the insert, so a problem recorded a moment ago still stops it.
INSERT INTO shipments (order_id, customer_request_id, create_attempt, status, service_code,
                       weight_kg, length_cm, width_cm, height_cm, group_id)
SELECT o.order_id, $2, $9, 'label_creation_initiated', $3, $4, $5, $6, $7, $8
FROM orders o
WHERE o.order_id = $1 AND o.status = 'accepted' AND o.problems = '[]'::jsonb AND o.attention IS NULL
ON CONFLICT (order_id) DO NOTHING
RETURNING shipment_id;
