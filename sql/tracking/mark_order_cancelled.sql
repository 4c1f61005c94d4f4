-- Best Buy answered that the order is cancelled: the local order says so too, and asks for
-- the label to be voided.
UPDATE orders
SET status = 'cancelled',
    bestbuy_state = 'CANCELED',
    attention = $2,
    updated_at = now()
WHERE order_id = $1
  AND status <> 'shipped';
