-- params: order_id, bestbuy_state, commercial_id, customer_name, ship_company, ship_street_1,
-- params: ship_street_2, ship_city, ship_province, ship_postal_code, ship_country, ship_phone,
-- params: ship_email, order_lines, raw, problems, bestbuy_created_at, bestbuy_updated_at
-- Best Buy's newer copy of an order that has not started shipping here (no shipment row).
-- Written only when something differs, so a sync that finds nothing new touches no row.
UPDATE orders
SET status = 'accepted',
    bestbuy_state = $2,
    commercial_id = $3,
    customer_name = $4,
    ship_company = $5,
    ship_street_1 = $6,
    ship_street_2 = $7,
    ship_city = $8,
    ship_province = $9,
    ship_postal_code = $10,
    ship_country = $11,
    ship_phone = $12,
    ship_email = $13,
    order_lines = $14::text::jsonb,
    raw = $15::text::jsonb,
    problems = $16::text::jsonb,
    bestbuy_created_at = $17::timestamptz,
    bestbuy_updated_at = $18::timestamptz,
    updated_at = now()
WHERE order_id = $1
  AND status IN ('waiting_acceptance', 'accepted')
  AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = orders.order_id)
  AND (raw IS DISTINCT FROM $15::text::jsonb
       OR bestbuy_state IS DISTINCT FROM $2
       OR problems IS DISTINCT FROM $16::text::jsonb)
RETURNING order_id;
