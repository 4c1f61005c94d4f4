-- When the last Create Shipment for the shipment's customer-request-id was sent. Canada Post
-- finishes a request it received even after the sender is gone (a kill, a second Ctrl-C, a
-- timeout), so for a while after this moment Get Shipments may not list a label that is being
-- made: recovery does not buy again until the request has had time to answer.
ALTER TABLE shipments ADD COLUMN create_sent_at timestamptz;
