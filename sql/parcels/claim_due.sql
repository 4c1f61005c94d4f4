-- The parcels due by $1 (at most $3, the longest overdue first), claimed for this run: their
-- next check moves to $2, so another shipdesk running now leaves them alone, and a run that dies
-- before asking leaves them due again soon. Only parcels whose label still stands (not voided).
UPDATE parcels p
SET next_check_at = $2, updated_at = now()
FROM (SELECT q.tracking_pin, q.next_check_at AS was_due
      FROM parcels q
      JOIN shipments s ON s.tracking_pin = q.tracking_pin AND s.status IN ('label_created', 'tracking_updated')
      WHERE q.next_check_at <= $1
      ORDER BY q.next_check_at, q.tracking_pin
      LIMIT $3
      FOR UPDATE OF q SKIP LOCKED) due
WHERE p.tracking_pin = due.tracking_pin
RETURNING p.tracking_pin, p.order_id, p.service_code, p.guaranteed, p.label_at, p.state, p.attention, p.last_scan_at,
          p.expected_delivery::text AS expected_delivery, p.changed_delivery::text AS changed_delivery, p.announced,
          due.was_due;
