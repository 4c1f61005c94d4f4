-- The labels a transmit closes (voided ones left out: Canada Post no longer lists them).
SELECT shipment_id, order_id, cp_shipment_id FROM shipments
WHERE transmit_id = $1 AND status IN ('label_created', 'tracking_updated')
ORDER BY shipment_id;
