SELECT pg_advisory_unlock(7144, 0) AS unlocked;
