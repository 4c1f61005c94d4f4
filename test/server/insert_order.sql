INSERT INTO orders (order_id, status, customer_name, ship_street_1, ship_city, ship_province, ship_postal_code, ship_country,
                    problems, attention)
VALUES ($1, 'accepted', $2, $3, $4, $5, $6, 'CA', $7::text::jsonb, $8);
