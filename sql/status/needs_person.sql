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
SELECT s.order_id, 'unfinished', coalesce(s.last_error, 'A label was requested and no answer was recorded (a lost reply or a crash).'), s.updated_at, NULL
FROM shipments s WHERE s.status = 'label_creation_initiated' AND s.updated_at < now() - interval '10 minutes'
UNION ALL
SELECT 'groups ' || array_to_string(t.group_ids, ', '), 'transmit_in_doubt',
       coalesce(t.last_error, 'The end-of-day transmit got no answer from Canada Post.'), t.sent_at, NULL
FROM transmits t WHERE t.status = 'sent' AND t.sent_at < now() - interval '10 minutes'
UNION ALL
SELECT 'manifest ' || coalesce(m.po_number, m.manifest_id::text), 'manifest_unsaved',
       coalesce(m.last_error, 'The manifest PDF is not saved yet.'), m.updated_at, NULL
FROM manifests m WHERE m.status = 'transmitted' AND m.updated_at < now() - interval '10 minutes'
UNION ALL
SELECT 'group ' || s.group_id, 'untransmitted',
       count(*)::text || ' label(s) of ' || s.group_id || ' were never transmitted; Canada Post bills them at full rate.',
       min(s.label_created_at), NULL
FROM shipments s
WHERE s.group_id IS NOT NULL AND s.transmitted_at IS NULL AND s.status IN ('label_created', 'tracking_updated')
  AND s.group_id < to_char(now(), 'YYYYMMDD')
GROUP BY s.group_id
ORDER BY 4, 1;
