-- Everything a person must look at, with the reason; the program adds the fix, and says a
-- reason many orders share once. `detail` is what is known of one order beyond that reason
-- (a bought label's PIN); `code` picks the fix.
SELECT o.order_id, 'problem' AS kind, p.value ->> 'message' AS reason, o.updated_at AS since, p.value ->> 'code' AS code,
       NULL::text AS detail
FROM orders o CROSS JOIN LATERAL jsonb_array_elements(o.problems) AS p(value)
WHERE o.status = 'accepted' AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.order_id)
UNION ALL
SELECT o.order_id, 'order_attention', o.attention, o.updated_at, NULL, NULL FROM orders o WHERE o.attention IS NOT NULL
UNION ALL
-- Canada Post's message codes say which fix applies (a setting, the service, the address).
SELECT s.order_id, 'label_failed', coalesce(s.last_error, 'Canada Post refused the label.'), s.updated_at,
       (SELECT string_agg(m.value ->> 'code', ',') FROM jsonb_array_elements(
          CASE WHEN jsonb_typeof(s.error_messages) = 'array' THEN s.error_messages ELSE '[]'::jsonb END) AS m(value)),
       NULL
FROM shipments s WHERE s.status = 'label_failed'
UNION ALL
SELECT s.order_id, 'shipment_attention', s.attention, s.updated_at, NULL, NULL
FROM shipments s WHERE s.attention IS NOT NULL
UNION ALL
-- A label left half-way by a run that no longer works on it (no session holds the label
-- workflow's lock on it, $1: LOCK.label of src/common/locks.ts): listed at once, not after a delay. With a PIN it is bought
-- and only its PDF is missing; without, Canada Post is asked first whether it exists.
SELECT s.order_id, CASE WHEN s.tracking_pin IS NOT NULL THEN 'not_saved' ELSE 'unfinished' END,
       coalesce(s.last_error, CASE WHEN s.tracking_pin IS NOT NULL THEN 'The label is bought but its PDF is not saved yet.'
                                   ELSE 'A label was requested and no answer was recorded (a run stopped, or the reply was lost).' END),
       s.updated_at, CASE WHEN jsonb_typeof(s.error_messages) = 'array' THEN s.error_messages -> 0 ->> 'code' END,
       CASE WHEN s.tracking_pin IS NOT NULL THEN 'PIN ' || s.tracking_pin END
FROM shipments s
WHERE s.status = 'label_creation_initiated'
  AND NOT EXISTS (SELECT 1 FROM pg_locks l
                  WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::int::oid AND l.objsubid = 2
                    AND l.objid = s.shipment_id::int::oid
                    AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()))
UNION ALL
-- Labels the printer did not take (print_error says why and names the setting), and labels that
-- were being sent when a run stopped or the printer went away: they may have printed, so they
-- are never sent again without a person. A job under way holds the print lock ($2: LOCK.print)
-- on its shipment; one "sending" that no session holds is left by a run that stopped.
SELECT s.order_id, CASE WHEN s.print_state = 'failed' THEN 'print_failed' ELSE 'print_in_doubt' END,
       coalesce(s.print_error, 'The label was being sent to the printer when shipdesk stopped; it may or may not have printed.'),
       coalesce(s.print_sending_at, s.updated_at), s.print_state, 'PIN ' || s.tracking_pin
FROM shipments s
WHERE s.status IN ('label_created', 'tracking_updated')
  AND (s.print_state = 'failed'
       OR (s.print_state = 'sending'
           AND NOT EXISTS (SELECT 1 FROM pg_locks l
                           WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $2::int::oid AND l.objsubid = 2
                             AND l.objid = s.shipment_id::int::oid
                             AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()))))
UNION ALL
-- An order still to ship at Best Buy whose label was voided, with no new label: it would
-- otherwise wait for ever, since a plain run never buys a second label on its own.
SELECT s.order_id, 'voided_no_label',
       'Its label was cancelled and no new label was bought; the order is still accepted at Best Buy, waiting to ship.',
       coalesce(s.voided_at, s.refund_requested_at, s.updated_at), s.status,
       concat_ws(', ', 'PIN ' || s.tracking_pin, s.status || CASE WHEN s.void_reason IS NOT NULL THEN ': ' || s.void_reason ELSE '' END)
FROM shipments s JOIN orders o ON o.order_id = s.order_id
WHERE s.status IN ('voided', 'refund_requested') AND o.status = 'accepted' AND o.attention IS NULL
UNION ALL
-- An end-of-day transmit still unsettled after two runs (or ten minutes): what Canada Post said,
-- and what is known of its labels.
SELECT 'groups ' || array_to_string(t.group_ids, ', '), 'transmit_in_doubt',
       concat_ws(' ',
         CASE WHEN t.status = 'refused' THEN 'Canada Post refused the end-of-day transmit (' || t.refusal || ').'
              WHEN t.status = 'sent' THEN coalesce(t.last_error, 'The end-of-day transmit got no answer from Canada Post.') END,
         CASE WHEN l.unknown > 0 THEN l.unknown || ' label(s) whose fate Canada Post has not told yet (order(s) ' || l.unknown_orders || ').' END,
         CASE WHEN l.no_manifest > 0 THEN l.no_manifest || ' label(s) Canada Post has as transmitted but on no manifest found yet (order(s) ' || l.no_manifest_orders || ').' END,
         CASE WHEN t.unsettled_runs > 0 THEN 'Unsettled after ' || t.unsettled_runs || ' end-of-day run(s).' END),
       t.sent_at, CASE WHEN t.status IN ('sent', 'refused') THEN 'unknown' ELSE 'no_manifest' END, NULL
FROM transmits t
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE s.transmitted_at IS NULL)::int AS unknown,
         string_agg(s.order_id, ', ' ORDER BY s.order_id) FILTER (WHERE s.transmitted_at IS NULL) AS unknown_orders,
         count(*) FILTER (WHERE s.transmitted_at IS NOT NULL AND s.manifest_id IS NULL)::int AS no_manifest,
         string_agg(s.order_id, ', ' ORDER BY s.order_id) FILTER (WHERE s.transmitted_at IS NOT NULL AND s.manifest_id IS NULL) AS no_manifest_orders
  FROM shipments s WHERE s.transmit_id = t.transmit_id AND s.status IN ('label_created', 'tracking_updated')
) l
WHERE (t.status IN ('sent', 'refused')
       OR (l.no_manifest > 0 AND NOT EXISTS (SELECT 1 FROM manifests m WHERE m.transmit_id = t.transmit_id AND m.status = 'transmitted')))
  AND (t.unsettled_runs >= 2 OR t.sent_at < now() - interval '10 minutes')
UNION ALL
-- A group whose last two transmits Canada Post refused: something only a person can fix.
SELECT 'group ' || g.group_id, 'transmit_refused',
       'Canada Post refused to transmit group ' || g.group_id || ' the last two times it was sent: ' || r.refusal || '.',
       r.sent_at, NULL, NULL
FROM (SELECT DISTINCT s.group_id FROM shipments s
      WHERE s.group_id IS NOT NULL AND s.transmit_id IS NULL AND s.transmitted_at IS NULL
        AND s.status IN ('label_created', 'tracking_updated')) g
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE last.refusal IS NOT NULL)::int AS refused,
         (array_agg(last.refusal ORDER BY last.transmit_id DESC))[1] AS refusal, max(last.sent_at) AS sent_at
  FROM (SELECT t.transmit_id, t.refusal, t.sent_at FROM transmits t WHERE g.group_id = ANY (t.group_ids)
        ORDER BY t.transmit_id DESC LIMIT 2) last
) r
WHERE r.refused = 2
UNION ALL
SELECT 'manifest ' || coalesce(m.po_number, m.manifest_id::text), 'manifest_unsaved',
       coalesce(m.last_error, 'The manifest PDF is not saved yet.'), m.updated_at, NULL, NULL
FROM manifests m WHERE m.status = 'transmitted' AND (m.attempts >= 2 OR m.updated_at < now() - interval '10 minutes')
UNION ALL
SELECT 'group ' || s.group_id, 'untransmitted',
       count(*)::text || ' label(s) of ' || s.group_id || ' were never transmitted; Canada Post bills them at full rate.',
       min(s.label_created_at), NULL, NULL
FROM shipments s
WHERE s.group_id IS NOT NULL AND s.transmitted_at IS NULL AND s.status IN ('label_created', 'tracking_updated')
  AND s.transmit_id IS NULL -- one in an unsettled transmit is listed with that transmit
  AND s.group_id < to_char(now(), 'YYYYMMDD')
GROUP BY s.group_id
UNION ALL
-- An alert ([alerts]) whose last message did not go through: the code picks the fix. Listed until
-- a message on that channel is delivered (a run's, or shipdesk alerts test).
SELECT CASE c.channel WHEN 'email' THEN 'e-mail alerts' ELSE 'webhook alerts' END, 'alert_failed',
       c.failure, c.failed_at, c.failure_code, NULL
FROM alert_channels c WHERE c.failure IS NOT NULL
ORDER BY 4, 1;
