-- The clerk holds an order ($2: who): no run buys its label until it is released. Only while no
-- label is bought or being bought for it (a label claimed meanwhile is finished, not held).
UPDATE orders SET held_at = now(), held_by = $2, updated_at = now()
WHERE order_id = $1 AND status = 'accepted' AND held_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = $1
                    AND s.status NOT IN ('label_failed', 'voided', 'refund_requested'))
RETURNING held_at;
