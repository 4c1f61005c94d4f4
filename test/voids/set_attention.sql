-- Test-only: what the intake writes for an order cancelled after its label was bought.
WITH o AS (UPDATE orders SET status = 'cancelled', attention = $2 WHERE order_id = $1 RETURNING order_id)
UPDATE shipments SET attention = $2 WHERE order_id = $1;
