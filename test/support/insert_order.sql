-- Test fixture: an order as intake would have stored it.
INSERT INTO orders (order_id, status, customer_name, ship_company, ship_street_1, ship_street_2, ship_city,
                    ship_province, ship_postal_code, ship_country, ship_phone, ship_email, order_lines)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb);
