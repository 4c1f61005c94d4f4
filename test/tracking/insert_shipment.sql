INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin, label_created_at)
VALUES ($1, $2, 'label_created', $3, now());
