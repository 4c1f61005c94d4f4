-- params: service, endpoint, related_id, method, url, request_payload, response_body, status_code,
-- params: is_success, duration_ms, error, attempt
INSERT INTO api_calls (service, endpoint, related_id, method, url, request_payload, response_body,
                       status_code, is_success, duration_ms, error, attempt)
VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $11, $12)
RETURNING call_id;
