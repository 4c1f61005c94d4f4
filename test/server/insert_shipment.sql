INSERT INTO shipments (order_id, status, customer_request_id, last_error, attention, updated_at)
VALUES ($1, $2, $1 || '-1', $3, $4, $5)
RETURNING shipment_id;
