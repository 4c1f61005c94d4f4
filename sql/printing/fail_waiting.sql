-- The printer could not be reached this run ($1: why): the labels still waiting for it say so.
UPDATE shipments SET print_state = 'failed', print_error = $1, updated_at = now()
WHERE print_state = 'queued' AND status IN ('label_created', 'tracking_updated')
RETURNING order_id;
