-- params: order_id, customer_request_id, service_code, weight_kg, length_cm, width_cm, height_cm
-- params: group_id, create_attempt, service_reason, service_note, quoted_due, quoted_taxes
-- params: expected_delivery, label_lock, quotes
-- The clerk fixed what Canada Post refused: a new attempt ($9, one past the refused one) with a
-- new customer-request-id (nothing was bought under the old one), built afresh with the claim's
-- own parameters: the service, parcel, group and quote of now, never the refused attempt's.
-- As in the claim, the same statement takes the shipment's session lock. It also waits for an
-- address correction being saved (which locks the order), so the retry buys from the new one.
WITH held AS (
SELECT order_id FROM orders WHERE order_id = $1 AND held_at IS NULL FOR KEY SHARE
), reopened AS (
UPDATE shipments
SET status = 'label_creation_initiated', create_attempt = $9, customer_request_id = $2,
    service_code = $3, weight_kg = $4, length_cm = $5, width_cm = $6, height_cm = $7, group_id = $8,
    service_reason = $10, service_note = $11, quoted_due = $12, quoted_taxes = $13, expected_delivery = $14::date,
    quotes = $16::text::jsonb,
    charged_due = NULL, charged_taxes = NULL,
    last_error = NULL, error_messages = NULL, updated_at = now()
WHERE order_id IN (SELECT order_id FROM held) AND status = 'label_failed' AND create_attempt = $9 - 1
RETURNING shipment_id
)
SELECT shipment_id, pg_try_advisory_lock($15::int, shipment_id::int) AS locked FROM reopened;
