-- Shipments a person must look at: refused by Canada Post, a label request still unanswered
-- since before $1 (a crash or a lost reply), or an attention note.
SELECT s.shipment_id, s.order_id, s.status, s.tracking_pin, s.last_error, s.error_messages,
       s.attempts, s.attention, s.created_at, s.updated_at, o.customer_name, o.ship_city
FROM shipments s
JOIN orders o ON o.order_id = s.order_id
WHERE s.status = 'label_failed'
   OR (s.status = 'label_creation_initiated' AND s.updated_at < $1::timestamptz)
   OR s.attention IS NOT NULL
ORDER BY s.updated_at, s.shipment_id;
