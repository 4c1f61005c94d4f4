-- The corrections in force for the given orders ($1: JSON array of order ids), for orders sync.
SELECT order_id, customer_name, ship_company, ship_street_1, ship_street_2, ship_city, ship_province,
       ship_postal_code, ship_phone, bestbuy_address
FROM address_corrections
WHERE ended_at IS NULL
  AND order_id IN (SELECT jsonb_array_elements_text($1::text::jsonb));
