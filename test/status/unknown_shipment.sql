SELECT shipment_id FROM shipments WHERE order_id = 'ST-UNKNOWN';
