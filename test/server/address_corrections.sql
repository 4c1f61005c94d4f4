-- Test-only: an order's corrections, oldest first.
SELECT ship_street_1, corrected_via, ended_how FROM address_corrections WHERE order_id = $1 ORDER BY correction_id;
