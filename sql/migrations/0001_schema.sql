-- shipdesk schema, version 1: orders, shipments, api_calls (the seed's three tables, with what
-- running them for real needs), the per-SKU package table and the run log.
-- Migrations are immutable once released: change the schema in a new numbered file.

CREATE TABLE orders (
  order_id            text PRIMARY KEY,                -- Best Buy's order id
  status              text NOT NULL DEFAULT 'accepted'
                        CHECK (status IN ('waiting_acceptance', 'accepted', 'shipped', 'cancelled', 'refused', 'closed')),
  bestbuy_state       text,                            -- Mirakl order_state as last seen
  commercial_id       text,
  customer_name       text,
  ship_company        text,
  ship_street_1       text,
  ship_street_2       text,
  ship_city           text,
  ship_province       text,
  ship_postal_code    text,
  ship_country        text,                            -- ISO alpha-2 once extracted
  ship_phone          text,
  ship_email          text,
  order_lines         jsonb NOT NULL DEFAULT '[]'::jsonb,
  raw                 jsonb NOT NULL DEFAULT '{}'::jsonb,  -- the order JSON exactly as Best Buy sent it
  -- Open problems that stop the order from shipping: [{ field, code, message }].
  problems            jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Set when a person must act (cancelled after its label was bought, …); null otherwise.
  attention           text,
  weight_override_kg  numeric(7, 3) CHECK (weight_override_kg > 0 AND weight_override_kg <= 30),
  service_override    text,
  bestbuy_created_at  timestamptz,
  bestbuy_updated_at  timestamptz,
  imported_at         timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  shipped_at          timestamptz
);

-- The shipping workflow's question: accepted orders with no problem (and no shipment).
CREATE INDEX orders_shippable_idx ON orders (imported_at) WHERE status = 'accepted' AND problems = '[]'::jsonb;
CREATE INDEX orders_attention_idx ON orders (order_id) WHERE attention IS NOT NULL;

CREATE TABLE shipments (
  shipment_id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id                text NOT NULL UNIQUE REFERENCES orders (order_id),
  status                  text NOT NULL DEFAULT 'label_creation_initiated'
                            CHECK (status IN ('label_creation_initiated', 'label_failed', 'label_created',
                                              'tracking_updated', 'voided', 'refund_requested')),
  -- Sent as customer-request-id before Create Shipment so that a lost reply can be found again
  -- with Get Shipments ?requestId=. Deterministic: order id and create attempt.
  customer_request_id     text NOT NULL UNIQUE CHECK (length(customer_request_id) <= 35),
  create_attempt          integer NOT NULL DEFAULT 1 CHECK (create_attempt >= 1),
  cp_shipment_id          text UNIQUE,
  tracking_pin            text UNIQUE,
  cp_api_label_url        text,
  cp_links                jsonb,                       -- every link of shipment-info, followed as given
  group_id                text,
  service_code            text,
  weight_kg               numeric(7, 3) CHECK (weight_kg > 0),
  length_cm               numeric(5, 1),
  width_cm                numeric(5, 1),
  height_cm               numeric(5, 1),
  label_pdf_path          text,
  label_sha256            text,
  label_bytes             integer,
  printed_at              timestamptz,
  last_error              text,
  error_messages          jsonb,                       -- Canada Post's <message>s, or Best Buy's
  attempts                integer NOT NULL DEFAULT 0,  -- calls made to create or recover the label
  tracking_attempts       integer NOT NULL DEFAULT 0,
  tracking_first_failed_at timestamptz,
  tracking_sent_at        timestamptz,                 -- OR23 accepted
  bestbuy_shipped_at      timestamptz,                 -- OR24 accepted (or the order read back SHIPPED)
  attention               text,                        -- a person must act; the reason and the fix
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  label_created_at        timestamptz,
  tracking_updated_at     timestamptz
);

CREATE INDEX shipments_status_idx ON shipments (status, shipment_id);
CREATE INDEX shipments_attention_idx ON shipments (shipment_id) WHERE attention IS NOT NULL;
CREATE INDEX shipments_label_created_at_idx ON shipments (label_created_at);

CREATE TABLE api_calls (
  call_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service          text NOT NULL CHECK (service IN ('CanadaPost', 'BestBuy')),
  endpoint         text NOT NULL,                     -- CreateShipment, GetArtifact, UpdateTracking, …
  related_id       text,                              -- usually the order id
  method           text NOT NULL,
  url              text NOT NULL,
  request_payload  jsonb,                             -- JSON as sent; XML as a string inside it
  response_body    text,                              -- a PDF is recorded by size and SHA-256
  status_code      integer,                           -- null when no answer came
  is_success       boolean NOT NULL,
  duration_ms      integer NOT NULL,
  error            text,                              -- network error or timeout, in words
  attempt          integer NOT NULL DEFAULT 1,
  called_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX api_calls_related_idx ON api_calls (related_id, called_at);
CREATE INDEX api_calls_called_at_idx ON api_calls (called_at);

-- Weight and size per SKU, so the clerk sets a product's parcel once.
CREATE TABLE sku_packages (
  sku         text PRIMARY KEY,
  weight_kg   numeric(7, 3) NOT NULL CHECK (weight_kg > 0 AND weight_kg <= 30),
  length_cm   numeric(5, 1) CHECK (length_cm > 0),
  width_cm    numeric(5, 1) CHECK (width_cm > 0),
  height_cm   numeric(5, 1) CHECK (height_cm > 0),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per run of a command, for `shipdesk status`.
CREATE TABLE runs (
  run_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  command      text NOT NULL,
  mode         text NOT NULL,                          -- interactive | auto
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  exit_code    integer,
  summary      jsonb
);

CREATE INDEX runs_started_at_idx ON runs (started_at);
