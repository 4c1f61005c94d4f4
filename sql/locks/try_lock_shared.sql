-- The shared form: held by many at once, never together with the same key's exclusive lock.
SELECT pg_try_advisory_lock_shared($1::int, $2::int) AS locked;
