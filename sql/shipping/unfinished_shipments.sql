-- Shipments a previous run started and did not finish (crash, lost reply, failed download).
SELECT shipment_id, order_id FROM shipments
WHERE status = 'label_creation_initiated'
ORDER BY shipment_id;
