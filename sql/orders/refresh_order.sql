-- Only what Best Buy says of an order that is already further along here (a label exists, or it
-- is shipped or cancelled): its JSON and state as last seen. Its address and status stay.
UPDATE orders
SET raw = $2::text::jsonb,
    bestbuy_state = $3,
    bestbuy_updated_at = $4::timestamptz,
    updated_at = now()
WHERE order_id = $1
  AND (raw IS DISTINCT FROM $2::text::jsonb OR bestbuy_state IS DISTINCT FROM $3)
RETURNING order_id;
