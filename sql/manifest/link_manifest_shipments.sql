-- The labels Canada Post lists on the manifest (by shipment id): they are transmitted, whatever
-- this database thought.
UPDATE shipments SET manifest_id = $1, transmitted_at = coalesce(transmitted_at, now()), updated_at = now()
WHERE cp_shipment_id = ANY ($2::text[]);
