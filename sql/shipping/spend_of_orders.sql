-- What these orders' labels cost, taxes included: what Canada Post charged, else what it quoted.
SELECT coalesce(sum(coalesce(charged_due, quoted_due)), 0)::float8 AS due,
       count(*) FILTER (WHERE coalesce(charged_due, quoted_due) IS NULL)::int AS unpriced
FROM shipments WHERE order_id = ANY($1::text[]);
