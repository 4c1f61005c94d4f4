-- The labels made on one local day ($1 <= label_created_at < $2), filtered by printed state
-- ($3: 'all', 'printed' or 'unprinted'), oldest first so the pile prints in the order it was made.
SELECT s.shipment_id, s.order_id, s.status, s.tracking_pin, s.service_code, s.label_pdf_path,
       s.label_created_at, s.printed_at, o.customer_name, o.ship_city, o.ship_province,
       coalesce(s.charged_due, s.quoted_due)::float8 AS price
FROM shipments s
JOIN order_ship_to o ON o.order_id = s.order_id  -- the address on the label
WHERE s.label_pdf_path IS NOT NULL
  AND s.status IN ('label_created', 'tracking_updated')
  AND s.label_created_at >= $1::timestamptz
  AND s.label_created_at < $2::timestamptz
  AND ($3::text = 'all' OR ($3::text = 'printed') = (s.printed_at IS NOT NULL))
ORDER BY s.label_created_at, s.shipment_id;
