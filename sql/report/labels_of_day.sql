-- The labels bought in [$1, $2) (one local day), with what each was quoted and charged, for the
-- bookkeeper. Voided and refunded ones are listed too, with their status, so the day adds up.
-- A guaranteed parcel delivered late: the refund to claim from Canada Post, and the last day.
SELECT s.order_id, s.tracking_pin, s.service_code, s.status, coalesce(s.label_created_at, s.created_at) AS bought_at,
       s.quoted_due::float8 AS quoted_due, s.charged_due::float8 AS charged_due, s.charged_taxes::float8 AS charged_taxes,
       s.expected_delivery::text AS expected_delivery, s.weight_kg::float8 AS weight_kg,
       o.customer_name, o.ship_city, o.ship_province, o.ship_postal_code,
       CASE WHEN p.late AND p.guaranteed THEN coalesce(s.charged_due, s.quoted_due)::float8 END AS late_refund,
       CASE WHEN p.late AND p.guaranteed THEN p.claim_by::text END AS claim_by
FROM shipments s JOIN order_ship_to o ON o.order_id = s.order_id  -- the address on the label
LEFT JOIN parcels p ON p.tracking_pin = s.tracking_pin
WHERE s.cp_shipment_id IS NOT NULL
  AND coalesce(s.label_created_at, s.created_at) >= $1 AND coalesce(s.label_created_at, s.created_at) < $2
ORDER BY bought_at, s.order_id;
