-- The problems channel $1 was told about that are no longer current ($2: the current keys) were
-- fixed: forgotten, so that one coming back is new. The summary's row ($3) is kept.
DELETE FROM alerts_sent WHERE channel = $1 AND problem_key <> $3 AND NOT (problem_key = ANY ($2::text[]));
