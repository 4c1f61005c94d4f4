-- Test-only: the shipments as the assertions want them.
SELECT s.order_id, s.status, s.tracking_pin, s.cp_shipment_id, s.cp_api_label_url, s.label_pdf_path, s.label_sha256,
       s.customer_request_id, s.create_attempt, s.last_error, s.error_messages
FROM shipments s ORDER BY s.order_id;
