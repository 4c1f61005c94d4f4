-- Every correction an order has had, newest first.
SELECT correction_id, customer_name, ship_company, ship_street_1, ship_street_2, ship_city, ship_province,
       ship_postal_code, ship_phone, corrected_by, corrected_via, corrected_at, ended_at, ended_by, ended_how
FROM address_corrections
WHERE order_id = $1
ORDER BY correction_id DESC;
