-- The parcel of an order's standing label, with where its label was saved (the proof goes beside it).
SELECT p.tracking_pin, p.order_id, p.state, p.proof_pdf_path, p.proof_sha256, s.label_pdf_path
FROM parcels p
JOIN shipments s ON s.tracking_pin = p.tracking_pin AND s.status IN ('label_created', 'tracking_updated')
WHERE p.order_id = $1;
