-- Test-only: how many calls each endpoint got, and the last URL it was called at.
SELECT endpoint, count(*)::int AS n, max(url) AS url FROM api_calls GROUP BY endpoint ORDER BY endpoint;
