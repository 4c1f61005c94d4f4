-- Test inspection: every audit row, to look for secrets anywhere in it.
SELECT * FROM api_calls ORDER BY call_id;
