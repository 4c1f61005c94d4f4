-- Parcels this run claimed but did not ask about (Canada Post throttled or down, the run's time
-- spent): due again at $2, as they were.
UPDATE parcels SET next_check_at = $2, updated_at = now()
WHERE tracking_pin = ANY ($1::text[]);
