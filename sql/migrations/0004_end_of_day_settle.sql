-- shipdesk schema, version 4: an end of day that never gets stuck.

-- Canada Post refusing a transmit (a 4xx with its messages: 9122 nothing to transmit, …) is an
-- answer, not a lost one: 'refused', its words in `refusal` (kept once the transmit is settled).
-- A refused transmit, like one in doubt ('sent'), is settled by asking Canada Post for each of its
-- labels (Get Shipment): transmitted ones wait for their manifest, open ones go in a new transmit,
-- cancelled ones are marked voided. Then it becomes 'recovered' (some were transmitted) or
-- 'not_transmitted'.
ALTER TABLE transmits DROP CONSTRAINT transmits_status_check;
ALTER TABLE transmits ADD CONSTRAINT transmits_status_check
  CHECK (status IN ('sent', 'answered', 'recovered', 'not_transmitted', 'refused'));
ALTER TABLE transmits ADD COLUMN refusal text;

-- End-of-day runs that left this transmit unsettled (a label whose status Canada Post did not
-- give, or transmitted labels no manifest lists yet): from two on, `shipdesk status` lists it.
ALTER TABLE transmits ADD COLUMN unsettled_runs integer NOT NULL DEFAULT 0;

-- What Canada Post said the label's shipment-status was (created, transmitted, cancelled) the
-- last time the end of day or a void had to ask, and when.
ALTER TABLE shipments
  ADD COLUMN cp_status    text,
  ADD COLUMN cp_status_at timestamptz;
