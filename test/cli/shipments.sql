-- Test-only: the labels as the CLI tests assert them.
SELECT s.order_id, s.status, s.service_code, s.service_reason, s.create_attempt, s.tracking_pin, s.label_pdf_path,
       s.charged_due::float8 AS charged_due, s.quoted_due::float8 AS quoted_due, s.last_error
FROM shipments s ORDER BY s.order_id;
