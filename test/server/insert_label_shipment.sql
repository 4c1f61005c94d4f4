-- Test fixture: a bought, saved label, charged $12.40 + $1.xx a label as Canada Post would bill it.
INSERT INTO shipments (order_id, status, customer_request_id, cp_shipment_id, tracking_pin, cp_api_label_url, service_code,
                       weight_kg, label_pdf_path, label_sha256, label_bytes, attempts, label_created_at,
                       quoted_due, charged_due, charged_taxes)
VALUES ($1, 'label_created', $1 || '-1', $2, $3, $4, 'DOM.EP', 1.2, $5, $6, $7, 1, now(),
        12.40 + length($1) / 100.0, 12.40 + length($1) / 100.0, 1.43)
RETURNING shipment_id;
