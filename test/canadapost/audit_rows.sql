-- Test inspection: the audit rows of one related id, oldest first.
SELECT service, endpoint, related_id, method, url, request_payload, response_body, status_code, is_success, error, attempt
FROM api_calls
WHERE related_id = $1
ORDER BY call_id;
