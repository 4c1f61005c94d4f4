UPDATE shipments
SET status = 'label_created', label_pdf_path = $2, label_sha256 = $3, label_bytes = $4,
    label_created_at = coalesce(label_created_at, now()), last_error = NULL, error_messages = NULL,
    updated_at = now()
WHERE shipment_id = $1 AND status = 'label_creation_initiated';
