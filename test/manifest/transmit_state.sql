-- Test-only: how each transmit ended, and what Canada Post said.
SELECT transmit_id, group_ids, status, refusal, last_error, unsettled_runs FROM transmits ORDER BY transmit_id;
