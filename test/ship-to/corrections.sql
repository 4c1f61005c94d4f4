-- Test-only: every correction of an order, oldest first.
SELECT correction_id, ship_street_1, ship_street_2, ship_postal_code, bestbuy_address, corrected_by, corrected_via,
       corrected_at, ended_at, ended_by, ended_how
FROM address_corrections WHERE order_id = $1 ORDER BY correction_id;
