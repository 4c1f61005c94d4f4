-- Test-only: what the migrations created, for the schema assertions.
SELECT 'table' AS kind, tablename::text AS name FROM pg_tables WHERE schemaname = 'public'
UNION ALL
SELECT 'index', indexname::text FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'constraint', conname::text FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
ORDER BY 1, 2;
