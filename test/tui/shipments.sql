-- Test read-back: every label bought, with the weight it was bought for and its file.
SELECT order_id, status, weight_kg::float8 AS weight_kg, tracking_pin, service_code,
       quoted_due::float8 AS quoted_due, charged_due::float8 AS charged_due, label_pdf_path
FROM shipments ORDER BY order_id;
