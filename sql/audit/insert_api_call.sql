-- params: service, endpoint, related_id, method, url, request_payload, response_body, status_code,
-- params: is_success, duration_ms, error, attempt, called_at
-- called_at: the caller's clock when it keeps one of its own (a test's simulated days), else the server's.
INSERT INTO api_calls (service, endpoint, related_id, method, url, request_payload, response_body,
                       status_code, is_success, duration_ms, error, attempt, called_at)
VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $11, $12, coalesce($13::timestamptz, now()))
RETURNING call_id;
