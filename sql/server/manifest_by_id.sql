SELECT manifest_id, po_number, status, pdf_path FROM manifests WHERE manifest_id = $1;
