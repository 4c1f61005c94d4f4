-- A tracking call that gave no answer about the parcel: why, and when to ask again.
UPDATE parcels
SET last_error = $2, next_check_at = $3, last_checked_at = $4, checks = checks + 1, updated_at = now()
WHERE tracking_pin = $1;
