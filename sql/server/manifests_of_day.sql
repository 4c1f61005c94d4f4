-- The manifests made on one local day ($1 <= created_at < $2), with how many labels each lists.
SELECT m.manifest_id, m.po_number, m.group_ids, m.status, m.pdf_path, m.created_at, m.saved_at, m.last_error,
       (SELECT count(*) FROM shipments s WHERE s.manifest_id = m.manifest_id)::int AS labels
FROM manifests m
WHERE m.created_at >= $1::timestamptz AND m.created_at < $2::timestamptz
ORDER BY m.manifest_id;
