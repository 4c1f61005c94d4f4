-- The order a shipment is for (the label page names labels by shipment).
SELECT order_id FROM shipments WHERE shipment_id = $1;
