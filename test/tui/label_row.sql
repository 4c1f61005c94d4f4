-- Test-only: a label refused (with Canada Post's words) or voided (with its PIN and reason).
INSERT INTO shipments (order_id, customer_request_id, status, last_error, tracking_pin, void_reason)
VALUES ($1, $1 || '-1', $2, $3, $4, $5);
