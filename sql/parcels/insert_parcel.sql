-- params: tracking_pin, order_id, service_code, guaranteed, label_at, expected_delivery,
-- params: next_check_at
-- A label the watch starts to follow; a second shipdesk enrolling it at the same moment changes nothing.
INSERT INTO parcels (tracking_pin, order_id, service_code, guaranteed, label_at, expected_delivery, next_check_at)
VALUES ($1, $2, $3, $4, $5, $6::date, $7)
ON CONFLICT (tracking_pin) DO NOTHING;
