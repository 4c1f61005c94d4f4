-- The hold ends: the next run buys the order's label as usual.
UPDATE orders SET held_at = NULL, held_by = NULL, updated_at = now()
WHERE order_id = $1 AND held_at IS NOT NULL
RETURNING order_id;
