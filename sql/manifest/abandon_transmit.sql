-- Canada Post did not transmit (it said no, or the groups are still open): the labels are free
-- for the next transmit.
UPDATE transmits SET status = 'not_transmitted', last_error = $2, answered_at = now()
WHERE transmit_id = $1 AND status = 'sent';
