SELECT s.status, s.tracking_pin, s.attention, s.last_error, s.error_messages, s.tracking_attempts,
       s.tracking_first_failed_at, s.tracking_sent_at, s.bestbuy_shipped_at, s.tracking_updated_at,
       o.status AS order_status, o.shipped_at, o.attention AS order_attention
FROM shipments s
JOIN orders o ON o.order_id = s.order_id
WHERE s.order_id = $1;
