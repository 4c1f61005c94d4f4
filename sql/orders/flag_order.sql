-- Tells the clerk, on the order itself, what to do about it.
UPDATE orders
SET attention = $2,
    updated_at = now()
WHERE order_id = $1
  AND attention IS DISTINCT FROM $2
RETURNING order_id;
