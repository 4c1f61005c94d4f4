-- One order's audit trail: every call made about it ($1), oldest first, at most $2 rows.
SELECT call_id, called_at, service, endpoint, method, url, status_code, is_success, duration_ms,
       error, attempt, request_payload::text AS request_payload, response_body
FROM api_calls
WHERE related_id = $1
ORDER BY called_at, call_id
LIMIT $2;
