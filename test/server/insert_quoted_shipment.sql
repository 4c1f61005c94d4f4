-- Test fixture: a label row with the quotes kept at its claim ($4, jsonb as text) and, for a
-- shipped one, when Best Buy accepted OR24 ($5).
INSERT INTO shipments (order_id, status, customer_request_id, last_error, quotes, bestbuy_shipped_at, tracking_pin)
VALUES ($1, $2, $1 || '-1', $3, $4::text::jsonb, $5::timestamptz, CASE WHEN $2 = 'tracking_updated' THEN 'PIN-' || $1 END);
