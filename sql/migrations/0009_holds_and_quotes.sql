-- shipdesk schema, version 9: an order held back by the clerk, and every quote a label's service
-- was chosen from.

-- "Hold" (the desk, shipdesk hold ORDER): no run buys the order's label until the clerk releases
-- it (shipdesk hold ORDER --release, or the desk). Unlike leaving it out of one batch in the desk,
-- it lasts across runs: --auto skips it, and shipdesk status lists it.
ALTER TABLE orders
  ADD COLUMN held_at timestamptz,
  ADD COLUMN held_by text;                  -- user@computer, as address corrections name the clerk

CREATE INDEX orders_held_idx ON orders (order_id) WHERE held_at IS NOT NULL;

-- The Get Rates answer the service was chosen from (every service quoted, with its price and
-- expected delivery), kept at the claim: the print page's service form shows them, and marks
-- those that arrive after Best Buy's promise, without asking Canada Post again.
-- {"mailingDay": "YYYY-MM-DD", "quotes": [PriceQuote, …]}
ALTER TABLE shipments ADD COLUMN quotes jsonb;
