-- A label file written again from Canada Post's stored label URL: its new checksum and size.
UPDATE shipments
SET label_sha256 = $2, label_bytes = $3, updated_at = now()
WHERE shipment_id = $1
RETURNING shipment_id;
