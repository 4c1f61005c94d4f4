-- Test-only: the file a table's rows live in, relative to the database folder.
SELECT pg_relation_filepath($1::text::regclass) AS path;
