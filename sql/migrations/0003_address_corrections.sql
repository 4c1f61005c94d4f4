-- shipdesk schema, version 3: the clerk's address corrections. A seller cannot change a
-- customer's shipping address at Best Buy, so a wrong or unprintable one is corrected here,
-- beside Best Buy's (orders.ship_* always stay as Best Buy sent them; orders sync never writes
-- this table). Every correction is kept: who made it, when, from where, and Best Buy's address
-- as it stood then; a newer one ends the one before ('replaced'), dropping one ends it
-- ('dropped') and the label goes back to Best Buy's address.
CREATE TABLE address_corrections (
  correction_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id          text NOT NULL REFERENCES orders (order_id),
  customer_name     text,
  ship_company      text,
  ship_street_1     text,
  ship_street_2     text,
  ship_city         text,
  ship_province     text,
  ship_postal_code  text,
  ship_phone        text,
  -- Best Buy's address when this was saved (order_ship_to.bestbuy_address), to notice that
  -- Best Buy changed it afterwards.
  bestbuy_address   jsonb NOT NULL,
  corrected_by      text NOT NULL,                      -- user@computer
  corrected_via     text NOT NULL CHECK (corrected_via IN ('command', 'review screen', 'print page')),
  corrected_at      timestamptz NOT NULL DEFAULT now(),
  ended_at          timestamptz,
  ended_by          text,
  ended_how         text CHECK (ended_how IN ('replaced', 'dropped')),
  CHECK ((ended_at IS NULL) = (ended_how IS NULL))
);

-- At most one correction in force per order.
CREATE UNIQUE INDEX address_corrections_current_idx ON address_corrections (order_id) WHERE ended_at IS NULL;
CREATE INDEX address_corrections_order_idx ON address_corrections (order_id, correction_id);

-- The address a label for the order uses: the correction in force, else Best Buy's. Country
-- and email are always Best Buy's (shipdesk ships within Canada; the email is not an address).
CREATE VIEW order_ship_to AS
SELECT o.order_id,
       c.correction_id,
       c.corrected_by,
       c.corrected_via,
       c.corrected_at,
       CASE WHEN c.correction_id IS NULL THEN o.customer_name ELSE c.customer_name END AS customer_name,
       CASE WHEN c.correction_id IS NULL THEN o.ship_company ELSE c.ship_company END AS ship_company,
       CASE WHEN c.correction_id IS NULL THEN o.ship_street_1 ELSE c.ship_street_1 END AS ship_street_1,
       CASE WHEN c.correction_id IS NULL THEN o.ship_street_2 ELSE c.ship_street_2 END AS ship_street_2,
       CASE WHEN c.correction_id IS NULL THEN o.ship_city ELSE c.ship_city END AS ship_city,
       CASE WHEN c.correction_id IS NULL THEN o.ship_province ELSE c.ship_province END AS ship_province,
       CASE WHEN c.correction_id IS NULL THEN o.ship_postal_code ELSE c.ship_postal_code END AS ship_postal_code,
       o.ship_country,
       CASE WHEN c.correction_id IS NULL THEN o.ship_phone ELSE c.ship_phone END AS ship_phone,
       o.ship_email,
       b.bestbuy_address,
       c.bestbuy_address AS corrected_from,
       -- Best Buy's address changed after the clerk corrected it: someone must look again.
       (c.correction_id IS NOT NULL AND c.bestbuy_address IS DISTINCT FROM b.bestbuy_address) AS bestbuy_changed
FROM orders o
CROSS JOIN LATERAL (
  SELECT jsonb_build_object(
           'name', o.customer_name, 'company', o.ship_company, 'street1', o.ship_street_1, 'street2', o.ship_street_2,
           'city', o.ship_city, 'province', o.ship_province, 'postalCode', o.ship_postal_code, 'country', o.ship_country,
           'phone', o.ship_phone
         ) AS bestbuy_address
) b
LEFT JOIN address_corrections c ON c.order_id = o.order_id AND c.ended_at IS NULL;
