-- Transmits not settled yet: sent with no answer recorded (in doubt), or refused by Canada Post,
-- whose labels have not all been asked about.
SELECT transmit_id, group_ids, status, sent_at, last_error FROM transmits
WHERE status IN ('sent', 'refused')
ORDER BY transmit_id;
