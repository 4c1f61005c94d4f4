-- Only touches the row when the problems really changed, so a re-check is not an update.
UPDATE orders SET problems = $2::text::jsonb, updated_at = now()
WHERE order_id = $1 AND problems IS DISTINCT FROM $2::text::jsonb;
