-- Test-only: connections a killed child process still has open (the server notices a dead
-- client a moment after the kill, and only then frees its session locks).
SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1;
