-- Every label of the transmit has a known fate: 'recovered' if Canada Post has some of them as
-- transmitted, else 'not_transmitted'. The refusal, if any, stays on record.
UPDATE transmits t
SET status = CASE WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.transmit_id = t.transmit_id AND s.transmitted_at IS NOT NULL)
                  THEN 'recovered' ELSE 'not_transmitted' END,
    answered_at = coalesce(t.answered_at, now())
WHERE t.transmit_id = $1 AND t.status IN ('sent', 'refused')
  AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.transmit_id = t.transmit_id AND s.transmitted_at IS NULL
                    AND s.status IN ('label_created', 'tracking_updated'))
RETURNING status;
