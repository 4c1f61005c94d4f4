-- Shared with other voids, exclusive of the end of day (class 7144, key 0): a label is never
-- voided while a transmit that may include it is being decided.
SELECT pg_try_advisory_lock_shared(7144, 0) AS locked;
