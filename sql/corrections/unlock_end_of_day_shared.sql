SELECT pg_advisory_unlock_shared(7144, 0) AS unlocked;
