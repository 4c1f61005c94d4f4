-- Test-only: a shipment row as a claim inserts it.
INSERT INTO shipments (order_id, customer_request_id, status) VALUES ($1, $1 || '-1', $2);
