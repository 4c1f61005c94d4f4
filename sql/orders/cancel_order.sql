-- Cancelled ($2 = 'cancelled') or refused ($2 = 'refused') at Best Buy: never to be shipped.
-- An order already shipped here is left as it is.
UPDATE orders
SET status = $2,
    bestbuy_state = $3,
    raw = $4::text::jsonb,
    bestbuy_updated_at = $5::timestamptz,
    updated_at = now()
WHERE order_id = $1
  AND status IN ('waiting_acceptance', 'accepted')
RETURNING order_id;
