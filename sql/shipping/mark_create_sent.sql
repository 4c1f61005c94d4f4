-- Written just before Create Shipment is sent (each try): a search that finds nothing soon
-- after this is not yet proof that nothing was bought.
UPDATE shipments SET create_sent_at = now() WHERE shipment_id = $1;
