-- params: order_id, bestbuy_state, commercial_id, customer_name, ship_company, ship_street_1,
-- params: ship_street_2, ship_city, ship_province, ship_postal_code, ship_country, ship_phone,
-- params: ship_email, order_lines, raw, problems, bestbuy_created_at, bestbuy_updated_at
-- A new order from Best Buy, ready to ship unless `problems` says otherwise.
INSERT INTO orders (order_id, status, bestbuy_state, commercial_id, customer_name, ship_company,
                    ship_street_1, ship_street_2, ship_city, ship_province, ship_postal_code,
                    ship_country, ship_phone, ship_email, order_lines, raw, problems,
                    bestbuy_created_at, bestbuy_updated_at)
VALUES ($1, 'accepted', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
        $14::text::jsonb, $15::text::jsonb, $16::text::jsonb, $17::timestamptz, $18::timestamptz)
-- Two syncs at once: the one that did not insert reads it as "already known".
ON CONFLICT DO NOTHING
RETURNING order_id;
