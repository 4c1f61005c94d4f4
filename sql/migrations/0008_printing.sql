-- Labels that print themselves on the warehouse's printer, once (issue 28).
-- print_state: NULL never sent (nor asked to be); 'queued' saved while printer.auto_print was on,
-- to be sent by the run that saved it or the next; 'sending' recorded BEFORE the job goes out,
-- so a run killed between sending and recording leaves the label here and the next run asks a
-- person instead of printing a second copy; 'printed' the printer took the job (printed_at is
-- the first time, print_count every job it took); 'failed' the printer refused or did not
-- answer, nothing was printed, and the next run (or the label page) sends it again.
ALTER TABLE shipments
  ADD COLUMN print_state      text CHECK (print_state IN ('queued', 'sending', 'printed', 'failed')),
  ADD COLUMN print_count      integer NOT NULL DEFAULT 0 CHECK (print_count >= 0),
  ADD COLUMN print_sending_at timestamptz,
  ADD COLUMN print_error      text;

-- Labels marked printed on the label page before this version were printed once.
UPDATE shipments SET print_state = 'printed', print_count = 1 WHERE printed_at IS NOT NULL;

CREATE INDEX shipments_print_waiting_idx ON shipments (shipment_id) WHERE print_state IN ('queued', 'sending', 'failed');

-- Each print job is on record beside the calls to Canada Post and Best Buy (service 'Printer').
ALTER TABLE api_calls DROP CONSTRAINT api_calls_service_check;
ALTER TABLE api_calls ADD CONSTRAINT api_calls_service_check CHECK (service IN ('CanadaPost', 'BestBuy', 'Printer'));
