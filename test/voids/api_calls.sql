SELECT endpoint, related_id, method, status_code, is_success, request_payload FROM api_calls WHERE related_id = $1 ORDER BY call_id;
