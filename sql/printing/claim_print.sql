-- Records "sending" BEFORE the job goes to the printer ($1 shipment, $2 a person asked for it
-- again): a run that dies between sending and recording leaves the label here, and the next run
-- asks a person instead of printing it twice. Only a saved, live label; one runner wins.
WITH before AS (
  SELECT shipment_id, print_state FROM shipments WHERE shipment_id = $1 FOR UPDATE
)
UPDATE shipments s
SET print_state = 'sending', print_sending_at = now(), print_error = NULL, updated_at = now()
FROM before b
WHERE s.shipment_id = b.shipment_id
  AND s.status IN ('label_created', 'tracking_updated') AND s.label_pdf_path IS NOT NULL
  AND (b.print_state IS NULL OR b.print_state IN ('queued', 'failed') OR ($2::boolean AND b.print_state IN ('printed', 'sending')))
RETURNING s.shipment_id, s.order_id, s.tracking_pin, s.label_pdf_path, s.label_sha256, s.print_count, b.print_state AS was;
