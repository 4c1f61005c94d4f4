INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin) VALUES ($1, $2, $3, $4);
