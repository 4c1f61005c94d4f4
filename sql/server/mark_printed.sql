-- Marks labels printed by a person ($1: comma-separated shipment ids, $2: when): printed from the
-- browser, or a label shipdesk was sending when it stopped that the clerk saw come out. A label
-- printed before keeps its first time: the question the clerk asks is "has this one been printed
-- at all". Such a label is never sent to the printer by itself again.
UPDATE shipments
SET printed_at = COALESCE(printed_at, $2::timestamptz), print_state = 'printed', print_count = GREATEST(print_count, 1),
    print_error = NULL, updated_at = now()
WHERE shipment_id = ANY (string_to_array($1::text, ',')::bigint[])
  AND label_pdf_path IS NOT NULL
RETURNING shipment_id, order_id, printed_at;
