-- Test fixture: an accepted (or shipped) order with Best Buy's promise as OR11 carries it ($3: the
-- order JSON), and when intake found it shipped ($4).
INSERT INTO orders (order_id, status, raw, shipped_at, customer_name, ship_street_1, ship_city, ship_province, ship_postal_code, ship_country)
VALUES ($1, $2, $3::text::jsonb, $4::timestamptz, 'Test Customer', '1 Main St', 'Halifax', 'NS', 'B3J 1A1', 'CA');
