-- params: order_id, customer_request_id, service_code, weight_kg, length_cm, width_cm, height_cm
-- params: group_id, create_attempt, service_reason, service_note, quoted_due, quoted_taxes
-- params: expected_delivery, label_lock, quotes
-- The claim: only the runner whose insert returns a row buys this order's label. The order is
-- re-checked here, inside the insert, so a problem recorded a moment ago still stops it.
-- The same statement takes the shipment's session lock (label_lock: LOCK.label of
-- src/common/locks.ts), so no other runner ever sees the new row unlocked (the row becomes
-- visible when the statement commits, the lock is held by then).
-- ON CONFLICT names no constraint: two runners compute the same customer-request-id for the
-- same order, so the loser's insert may meet either unique index first (order_id or
-- customer_request_id). Any conflict means "another shipdesk has this order", never an error.
WITH claimed AS (
INSERT INTO shipments (order_id, customer_request_id, create_attempt, status, service_code,
                       weight_kg, length_cm, width_cm, height_cm, group_id,
                       service_reason, service_note, quoted_due, quoted_taxes, expected_delivery, quotes)
SELECT o.order_id, $2, $9, 'label_creation_initiated', $3, $4, $5, $6, $7, $8,
       $10, $11, $12, $13, $14::date, $16::text::jsonb
FROM orders o
WHERE o.order_id = $1 AND o.status = 'accepted' AND o.problems = '[]'::jsonb AND o.attention IS NULL AND o.held_at IS NULL
ON CONFLICT DO NOTHING
RETURNING shipment_id
)
SELECT shipment_id, pg_try_advisory_lock($15::int, shipment_id::int) AS locked FROM claimed;
