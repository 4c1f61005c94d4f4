-- Marks labels printed ($1: comma-separated shipment ids, $2: when). A label printed before
-- keeps its first time: the question the clerk asks is "has this one been printed at all".
UPDATE shipments
SET printed_at = COALESCE(printed_at, $2::timestamptz), updated_at = now()
WHERE shipment_id = ANY (string_to_array($1::text, ',')::bigint[])
  AND label_pdf_path IS NOT NULL
RETURNING shipment_id, order_id, printed_at;
