-- Written before Transmit Shipments is called: if the answer is lost, the next run knows to ask.
INSERT INTO transmits (group_ids) VALUES ($1::text[]) RETURNING transmit_id;
