-- A void asked Canada Post for the label's status (its end-of-day transmit unsettled): kept, and a
-- transmitted label is marked so, whatever the unsettled transmit's fate turns out to be.
UPDATE shipments
SET cp_status = $2::text, cp_status_at = now(), updated_at = now(),
    transmitted_at = CASE WHEN $2::text = 'transmitted' THEN coalesce(transmitted_at, now()) ELSE transmitted_at END
WHERE shipment_id = $1;
