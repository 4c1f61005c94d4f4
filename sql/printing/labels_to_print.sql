-- What --auto and the desk send to the printer by themselves: labels saved while
-- printer.auto_print was on, and those the printer did not take before. Never one in "sending".
SELECT s.shipment_id, s.order_id
FROM shipments s
WHERE s.print_state IN ('queued', 'failed') AND s.status IN ('label_created', 'tracking_updated') AND s.label_pdf_path IS NOT NULL
ORDER BY s.label_created_at, s.shipment_id;
