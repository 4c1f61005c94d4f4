-- Orders and shipments per status, for `shipdesk status`.
SELECT 'orders' AS what, status, count(*)::int AS n FROM orders GROUP BY status
UNION ALL
SELECT 'shipments', status, count(*)::int FROM shipments GROUP BY status
ORDER BY 1, 2;
