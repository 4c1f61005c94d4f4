-- Where a parcel's delivery certificate was saved, and its order (a PIN from the request is only looked up).
SELECT order_id, proof_pdf_path FROM parcels WHERE tracking_pin = $1;
