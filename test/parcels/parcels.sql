SELECT tracking_pin, order_id, state, attention, late, claim_by::text AS claim_by, delivered_on::text AS delivered_on,
       expected_delivery::text AS expected_delivery, settled_at, watch_ended, next_check_at, checks, service_code, guaranteed,
       post_office, held_until::text AS held_until, signed_by, last_event_code, announced
FROM parcels ORDER BY order_id;
