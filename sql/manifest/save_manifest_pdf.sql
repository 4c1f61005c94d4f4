UPDATE manifests SET status = 'manifest_saved', pdf_path = $2, pdf_sha256 = $3, pdf_bytes = $4,
       saved_at = now(), updated_at = now(), last_error = NULL
WHERE manifest_id = $1;
