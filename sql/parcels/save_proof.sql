-- The Delivery Confirmation Certificate saved for the parcel.
UPDATE parcels SET proof_pdf_path = $2, proof_sha256 = $3, proof_saved_at = now(), updated_at = now()
WHERE tracking_pin = $1;
