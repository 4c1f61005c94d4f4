-- The printer may have taken part or all of the job ($2: the sentence): the label stays
-- "sending", never sent again without a person.
UPDATE shipments SET print_error = $2, updated_at = now() WHERE shipment_id = $1 AND print_state = 'sending';
