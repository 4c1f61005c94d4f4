-- Test-only: an order's stored (Best Buy) address and problems.
SELECT order_id, customer_name, ship_street_1, ship_street_2, ship_city, ship_postal_code, problems
FROM orders WHERE order_id = $1;
