-- params: order_id, customer_name, ship_company, ship_street_1, ship_street_2, ship_city,
-- params: ship_province, ship_postal_code, ship_phone, corrected_by, corrected_via
-- A new correction, with Best Buy's address as it stands now ($2…$9: the corrected fields).
INSERT INTO address_corrections (order_id, customer_name, ship_company, ship_street_1, ship_street_2, ship_city,
                                 ship_province, ship_postal_code, ship_phone, bestbuy_address, corrected_by, corrected_via)
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, a.bestbuy_address, $10, $11
FROM order_ship_to a
WHERE a.order_id = $1
RETURNING correction_id, corrected_at;
