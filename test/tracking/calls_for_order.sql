SELECT service, endpoint, status_code, is_success, attempt
FROM api_calls
WHERE related_id = $1
ORDER BY call_id;
