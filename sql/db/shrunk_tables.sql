-- shipdesk's tables whose file is shorter than the database last recorded (pg_class.relpages,
-- which ANALYZE sets to the pages there were): a file cut short by a copy stopped half-way or a
-- disk fault. PostgreSQL reads such a table as having fewer rows (none, for an empty file),
-- without an error: a shipments table read so would have labels bought again.
SELECT c.relname AS table_name, c.relpages AS recorded,
       (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS present
FROM pg_class c
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relpages > 0
  AND pg_relation_size(c.oid) < c.relpages::bigint * current_setting('block_size')::int
ORDER BY c.relname;
