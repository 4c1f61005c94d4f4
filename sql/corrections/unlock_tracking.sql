SELECT pg_advisory_unlock(7143, $1::int) AS unlocked;
