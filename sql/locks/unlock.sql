SELECT pg_advisory_unlock($1::int, $2::int) AS unlocked;
