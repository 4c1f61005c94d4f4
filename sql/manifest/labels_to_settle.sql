-- The labels of an unsettled transmit whose fate Canada Post has not told yet (voided ones left out).
SELECT shipment_id, order_id, cp_shipment_id, tracking_pin, cp_links FROM shipments
WHERE transmit_id = $1 AND transmitted_at IS NULL AND status IN ('label_created', 'tracking_updated')
ORDER BY shipment_id;
