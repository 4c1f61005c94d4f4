-- Test fixture: every alert on record, in the order sent.
SELECT endpoint, related_id, method, url, request_payload::text AS request_payload, response_body, status_code, is_success, error, attempt
FROM api_calls WHERE service = 'Alert' ORDER BY call_id;
