-- params: tracking_pin, state, attention, last_event_code, last_event_text, last_event_place,
-- params: last_event_at, last_scan_at, expected_delivery, changed_delivery, delivered_at,
-- params: delivered_on, signed_by, attempts, post_office, held_until, late, claim_by,
-- params: checked_at, next_check_at, settled, watch_ended, announce
-- What one tracking call learnt. A value Canada Post did not give keeps the one known before;
-- once settled (delivered, returned, or past watch.days) the parcel is not asked about again.
-- `announce` records the attention --auto exits 1 for, once per reason.
UPDATE parcels
SET state = $2, attention = $3,
    last_event_code = coalesce($4, last_event_code), last_event_text = coalesce($5, last_event_text),
    last_event_place = coalesce($6, last_event_place), last_event_at = coalesce($7, last_event_at),
    last_scan_at = coalesce($8, last_scan_at),
    expected_delivery = coalesce($9::date, expected_delivery), changed_delivery = coalesce($10::date, changed_delivery),
    delivered_at = $11, delivered_on = $12::date, signed_by = $13, attempts = $14,
    post_office = coalesce($15, post_office), held_until = coalesce($16::date, held_until),
    late = $17, claim_by = $18::date,
    checks = checks + 1, last_checked_at = $19, next_check_at = $20,
    settled_at = CASE WHEN $21 THEN coalesce(settled_at, $19) END, watch_ended = $22,
    announced = CASE WHEN $23 THEN $3 ELSE announced END,
    last_error = NULL, updated_at = now()
WHERE tracking_pin = $1;
