DELETE FROM shipments WHERE shipment_id = $1 AND status IN ('voided', 'refund_requested');
