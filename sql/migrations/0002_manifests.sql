-- shipdesk schema, version 2: the end of day (Transmit Shipments, Get Manifest, the manifest
-- PDF) and corrections (void before transmit, refund after, a replacement label on request).

-- One Transmit Shipments call. The row is written BEFORE the call ('sent', with the shipments it
-- closes marked by transmit_id), and the answer's manifest links the moment it arrives
-- ('answered'), before anything else: a run that dies after that point never transmits again.
-- A 'sent' row whose answer was lost is settled by asking Canada Post ('recovered' when the
-- groups were closed, 'not_transmitted' when they were not or Canada Post said no).
CREATE TABLE transmits (
  transmit_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_ids       text[] NOT NULL CHECK (cardinality(group_ids) > 0),
  status          text NOT NULL DEFAULT 'sent'
                    CHECK (status IN ('sent', 'answered', 'recovered', 'not_transmitted')),
  manifest_links  jsonb,                               -- [{rel, href, mediaType}] as answered
  last_error      text,
  sent_at         timestamptz NOT NULL DEFAULT now(),
  answered_at     timestamptz
);

-- At most one transmit in doubt at a time: the next one waits until Canada Post has said
-- what became of it (the end-of-day lock already serialises runs; this holds if it is bypassed).
CREATE UNIQUE INDEX transmits_one_in_doubt_idx ON transmits ((status)) WHERE status = 'sent';

-- A manifest Canada Post made for a transmit: its PDF goes with the parcels to the post office.
CREATE TABLE manifests (
  manifest_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transmit_id      bigint NOT NULL REFERENCES transmits (transmit_id),
  group_ids        text[] NOT NULL,
  cp_manifest_url  text NOT NULL UNIQUE,                -- the rel="manifest" link, followed as given
  po_number        text,
  artifact_url     text,                                -- the manifest PDF (Get Artifact)
  pdf_path         text,
  pdf_sha256       text,
  pdf_bytes        integer,
  status           text NOT NULL DEFAULT 'transmitted' CHECK (status IN ('transmitted', 'manifest_saved')),
  last_error       text,
  attempts         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  saved_at         timestamptz
);

CREATE INDEX manifests_created_at_idx ON manifests (created_at);

ALTER TABLE shipments
  ADD COLUMN transmit_id         bigint REFERENCES transmits (transmit_id),  -- the transmit that closes it
  ADD COLUMN transmitted_at      timestamptz,          -- Canada Post answered that transmit
  ADD COLUMN manifest_id         bigint REFERENCES manifests (manifest_id),
  ADD COLUMN void_reason         text,                 -- the clerk's words (void or refund)
  ADD COLUMN voided_at           timestamptz,
  ADD COLUMN refund_requested_at timestamptz,
  ADD COLUMN refund_ticket_id    text,                 -- Canada Post's service ticket
  ADD COLUMN refund_ticket_date  date;

-- The end of day's question: grouped labels not yet transmitted.
CREATE INDEX shipments_untransmitted_idx ON shipments (group_id) WHERE transmitted_at IS NULL AND group_id IS NOT NULL;

-- A voided or refunded label whose order ships again: shipments holds one row per order
-- (UNIQUE order_id, which the claim relies on), so the old row moves here, whole, and the order
-- gets a fresh row. Its create_attempt keeps counting, so the new label's customer-request-id is
-- new too and a crash recovery can never adopt the old, cancelled label.
CREATE TABLE shipment_history (
  shipment_id          bigint PRIMARY KEY,              -- the id it had in shipments
  order_id             text NOT NULL REFERENCES orders (order_id),
  status               text NOT NULL CHECK (status IN ('voided', 'refund_requested')),
  customer_request_id  text NOT NULL UNIQUE,
  create_attempt       integer NOT NULL,
  cp_shipment_id       text,
  tracking_pin         text,
  manifest_id          bigint REFERENCES manifests (manifest_id),
  void_reason          text,
  voided_at            timestamptz,
  refund_ticket_id     text,
  shipment             jsonb NOT NULL,                  -- the whole shipments row as it was
  moved_at             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX shipment_history_order_idx ON shipment_history (order_id);
