-- Everything a person must look at, with the reason; the program adds the fix.
SELECT o.order_id, 'problem' AS kind, p.value ->> 'message' AS reason, o.updated_at AS since, p.value ->> 'code' AS code
FROM orders o CROSS JOIN LATERAL jsonb_array_elements(o.problems) AS p(value)
WHERE o.status = 'accepted' AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.order_id)
UNION ALL
SELECT o.order_id, 'order_attention', o.attention, o.updated_at, NULL FROM orders o WHERE o.attention IS NOT NULL
UNION ALL
SELECT s.order_id, 'label_failed', coalesce(s.last_error, 'Canada Post refused the label.'), s.updated_at, NULL
FROM shipments s WHERE s.status = 'label_failed'
UNION ALL
SELECT s.order_id, 'shipment_attention', s.attention, s.updated_at, NULL
FROM shipments s WHERE s.attention IS NOT NULL
UNION ALL
SELECT s.order_id, 'unfinished', coalesce(s.last_error, 'A label was started and not finished.'), s.updated_at, NULL
FROM shipments s WHERE s.status = 'label_creation_initiated' AND s.updated_at < now() - interval '10 minutes'
ORDER BY 4, 1;
