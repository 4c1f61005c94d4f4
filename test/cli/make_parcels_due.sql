-- As the days pass: every parcel still followed is due now.
UPDATE parcels SET next_check_at = now() - interval '1 minute' WHERE next_check_at IS NOT NULL;
