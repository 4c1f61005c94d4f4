SELECT pg_advisory_unlock(7142, $1::int) AS unlocked;
