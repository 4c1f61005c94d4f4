-- The clerk's Canada Post service for one order ($2; NULL: the settings' choice again), only
-- while no label is bought or being bought for it: a label claimed meanwhile keeps its service.
UPDATE orders SET service_override = $2, updated_at = now()
WHERE order_id = $1
  AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = $1
                    AND s.status NOT IN ('label_failed', 'voided', 'refund_requested'))
RETURNING order_id;
