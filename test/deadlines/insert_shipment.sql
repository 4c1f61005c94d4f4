-- Test fixture: the order's label, and when Best Buy accepted its shipment (OR24), if it did.
INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin, bestbuy_shipped_at, last_error)
VALUES ($1, $1 || '-1', $2, $3, $4::timestamptz, $5);
