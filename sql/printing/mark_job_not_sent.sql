-- Nothing reached the printer ($2: the sentence): a label printed before stays printed, any other
-- waits for the next run or the label page.
UPDATE shipments
SET print_state = CASE WHEN print_count > 0 THEN 'printed' ELSE 'failed' END, print_error = $2, updated_at = now()
WHERE shipment_id = $1 AND print_state = 'sending';
