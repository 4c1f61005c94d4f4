-- $5: the label waits for the printer (printer.auto_print): queued in the same statement that
-- records it saved, so a run killed right after still prints it, once.
UPDATE shipments
SET status = 'label_created', label_pdf_path = $2, label_sha256 = $3, label_bytes = $4,
    label_created_at = coalesce(label_created_at, now()), last_error = NULL, error_messages = NULL,
    print_state = CASE WHEN $5::boolean AND print_state IS NULL THEN 'queued' ELSE print_state END,
    updated_at = now()
WHERE shipment_id = $1 AND status = 'label_creation_initiated';
