INSERT INTO manifests (transmit_id, group_ids, cp_manifest_url) VALUES ($1, $2::text[], $3)
ON CONFLICT DO NOTHING;
