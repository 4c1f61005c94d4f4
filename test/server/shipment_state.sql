SELECT shipment_id, order_id, status, tracking_pin, printed_at, label_sha256, label_bytes, label_pdf_path
FROM shipments WHERE shipment_id = $1;
