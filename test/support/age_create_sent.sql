-- Test clock: as if the last Create Shipment of every unfinished label had been sent $1 ms ago.
UPDATE shipments SET create_sent_at = now() - ($1::int * interval '1 millisecond')
WHERE status = 'label_creation_initiated';
