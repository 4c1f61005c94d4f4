-- params: shipment_id, cp_shipment_id, tracking_pin, cp_api_label_url, cp_links, charged_due,
-- params: charged_taxes, expected_delivery
-- Written the moment Canada Post answers, before the label is downloaded: a PIN that is known
-- is never lost.
UPDATE shipments
SET cp_shipment_id = $2, tracking_pin = $3, cp_api_label_url = $4, cp_links = $5::text::jsonb,
    charged_due = $6, charged_taxes = $7, expected_delivery = coalesce($8::date, expected_delivery),
    attempts = attempts + 1, last_error = NULL, error_messages = NULL, updated_at = now()
WHERE shipment_id = $1 AND status = 'label_creation_initiated';
