-- The exact labels this transmit closes, fixed before the call (a label bought during it is not one).
UPDATE shipments SET transmit_id = $1, updated_at = now()
WHERE group_id = ANY ($2::text[]) AND status IN ('label_created', 'tracking_updated')
  AND transmit_id IS NULL AND transmitted_at IS NULL;
