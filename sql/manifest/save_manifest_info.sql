-- Get Manifest answered: the PO number and where the PDF is.
UPDATE manifests SET po_number = $2, artifact_url = $3, last_error = NULL, updated_at = now()
WHERE manifest_id = $1;
