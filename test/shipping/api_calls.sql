SELECT service, endpoint, related_id, status_code, is_success, request_payload, response_body, error, url
FROM api_calls ORDER BY call_id;
