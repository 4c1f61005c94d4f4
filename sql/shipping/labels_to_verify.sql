-- Labels not yet handed to Best Buy: their files must be on disk and whole.
SELECT shipment_id, order_id, label_pdf_path, label_sha256, tracking_pin, cp_api_label_url
FROM shipments
WHERE status = 'label_created'
ORDER BY shipment_id;
