-- shipdesk schema, version 7: every parcel followed to the door. One row per label shipdesk
-- bought (its PIN), with what Canada Post's tracking last said, the clerk's state for it, and
-- when it is next worth asking (next_check_at; null once delivered, returned, or followed for
-- as long as watch.days allows). The watch claims the parcels that are due by moving
-- next_check_at forward before it asks, so two shipdesks never ask about the same parcel at once.
CREATE TABLE parcels (
  tracking_pin       text PRIMARY KEY,
  order_id           text NOT NULL REFERENCES orders (order_id),
  service_code       text,
  -- A guaranteed service (Priority, Xpresspost, Expedited for a contract): a late one is refunded on claim.
  guaranteed         boolean NOT NULL DEFAULT false,
  label_at           timestamptz NOT NULL,            -- when the label was bought; watch.days counts from it
  state              text NOT NULL DEFAULT 'not_scanned'
                       CHECK (state IN ('not_scanned', 'in_transit', 'out_for_delivery', 'attempted',
                                        'delivered', 'returning', 'returned', 'stuck')),
  -- What needs a person (attempted, returning, returned, stuck, late), or null; set with the state.
  attention          text CHECK (attention IN ('attempted', 'returning', 'returned', 'stuck', 'late')),
  last_event_code    text,                            -- Canada Post's event-identifier, as given
  last_event_text    text,
  last_event_place   text,
  last_event_at      timestamptz,
  last_scan_at       timestamptz,                     -- the newest event of any kind: "stuck" counts from it
  expected_delivery  date,                            -- the service standard (Canada Post's expected-delivery-date)
  changed_delivery   date,                            -- Canada Post's revised date, when it gave one
  delivered_at       timestamptz,
  delivered_on       date,                            -- the day of delivery, as Canada Post dates it
  signed_by          text,
  attempts           integer NOT NULL DEFAULT 0,      -- delivery attempts (notice cards)
  post_office        text,                            -- where an attempted parcel waits
  held_until         date,                            -- the last day it is held there
  late               boolean NOT NULL DEFAULT false,  -- delivered after expected_delivery
  claim_by           date,                            -- a late parcel: the last day to claim (30 business days)
  checks             integer NOT NULL DEFAULT 0,      -- tracking calls made for it
  last_checked_at    timestamptz,
  next_check_at      timestamptz,
  settled_at         timestamptz,                     -- when shipdesk learnt it was delivered or returned, or stopped
  watch_ended        boolean NOT NULL DEFAULT false,  -- followed for watch.days without an end: no longer asked
  last_error         text,
  announced          text,                            -- the attention --auto last exited 1 for (once per reason)
  handled            text,                            -- the attention the clerk dealt with (shipdesk parcels --done)
  proof_pdf_path     text,                            -- the Delivery Confirmation Certificate, beside the label
  proof_sha256       text,
  proof_saved_at     timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX parcels_due_idx ON parcels (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX parcels_order_idx ON parcels (order_id);
CREATE INDEX parcels_attention_idx ON parcels (tracking_pin) WHERE attention IS NOT NULL;
