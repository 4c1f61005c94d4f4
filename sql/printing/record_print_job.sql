-- Each print job on record beside the calls to Canada Post and Best Buy: where it went, what
-- was sent (the file, its checksum, a reprint?) and what the printer answered.
-- params: endpoint, related_id, method, url, request_payload, response_body, is_success, duration_ms, error
INSERT INTO api_calls (service, endpoint, related_id, method, url, request_payload, response_body, status_code, is_success, duration_ms, error)
VALUES ('Printer', $1, $2, $3, $4, $5::text::jsonb, $6, NULL, $7, $8, $9);
