-- A transmit that made a single manifest: its labels are on it.
UPDATE shipments SET manifest_id = $1, updated_at = now()
WHERE transmit_id = $2 AND manifest_id IS NULL AND status IN ('label_created', 'tracking_updated');
