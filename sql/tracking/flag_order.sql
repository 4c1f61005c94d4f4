UPDATE orders
SET attention = $2,
    updated_at = now()
WHERE order_id = $1;
