-- Manifests Canada Post made whose PDF is not saved yet.
SELECT m.manifest_id, m.transmit_id, m.group_ids, m.cp_manifest_url, m.po_number, m.artifact_url,
       (SELECT count(*) FROM manifests o WHERE o.transmit_id = m.transmit_id)::int AS siblings
FROM manifests m
WHERE m.status = 'transmitted'
ORDER BY m.manifest_id;
