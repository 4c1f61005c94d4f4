-- Transmits sent whose answer never reached the database (lost reply, crash during the call).
SELECT transmit_id, group_ids, sent_at FROM transmits WHERE status = 'sent' ORDER BY transmit_id;
