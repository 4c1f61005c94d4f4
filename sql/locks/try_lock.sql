-- A session lock ($1: its class, one of LOCK in src/common/locks.ts; $2: the key within it).
SELECT pg_try_advisory_lock($1::int, $2::int) AS locked;
