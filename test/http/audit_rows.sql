SELECT * FROM api_calls WHERE related_id = $1 ORDER BY call_id;
