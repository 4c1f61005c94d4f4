-- Orders a person must look at: open problems (bad address, missing data) or an attention note.
SELECT order_id, status, customer_name, ship_city, ship_province, problems, attention, updated_at
FROM orders
WHERE problems <> '[]'::jsonb OR attention IS NOT NULL
ORDER BY updated_at, order_id;
