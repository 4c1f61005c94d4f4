SELECT m.manifest_id, m.transmit_id, m.group_ids, m.cp_manifest_url, m.po_number, m.status, m.pdf_path, m.pdf_sha256, m.pdf_bytes, m.last_error
FROM manifests m ORDER BY m.manifest_id;
