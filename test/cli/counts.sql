-- Test-only: what two runners left behind.
SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM manifests) AS manifests;
