-- A label fetched again (missing or damaged file): same label, new file.
UPDATE shipments
SET label_pdf_path = $2, label_sha256 = $3, label_bytes = $4, updated_at = now()
WHERE shipment_id = $1;
