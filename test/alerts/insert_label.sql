-- Test fixture: a label bought at $2 for $3 (charged), shipped at Best Buy at $4.
INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin, cp_shipment_id, label_created_at, charged_due, bestbuy_shipped_at)
VALUES ($1, $1 || '-1', 'tracking_updated', 'PIN-' || $1, 'CP-' || $1, $2::timestamptz, $3, $4::timestamptz);
