-- Canada Post answered the transmit with a refusal ($2: its words): nothing was transmitted by
-- this call; each label's own status settles it.
UPDATE transmits SET status = 'refused', refusal = $2, last_error = $3, answered_at = now()
WHERE transmit_id = $1 AND status = 'sent';
