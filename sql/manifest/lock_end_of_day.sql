-- The end of day's session lock (class 7144, key 0): two runs never transmit at once. Released
-- by the server if the run dies. A void takes the same key shared, so no label is voided while
-- a transmit is being decided.
SELECT pg_try_advisory_lock(7144, 0) AS locked;
