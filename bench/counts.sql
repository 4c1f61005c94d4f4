-- Bench only: what the batch achieved, read from the database rather than the screen.
SELECT count(*) FILTER (WHERE status IN ('label_created', 'tracking_updated'))::int AS created,
       count(*) FILTER (WHERE status = 'tracking_updated')::int AS shipped
FROM shipments;
