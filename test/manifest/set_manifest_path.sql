-- Test-only: a manifest row pointing somewhere it must not be served from.
UPDATE manifests SET pdf_path = $2 WHERE manifest_id = $1;
