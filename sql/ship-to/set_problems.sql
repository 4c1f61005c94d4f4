-- The order's problems after its address changed; untouched when they are the same.
UPDATE orders SET problems = $2::text::jsonb, updated_at = now()
WHERE order_id = $1 AND problems IS DISTINCT FROM $2::text::jsonb;
