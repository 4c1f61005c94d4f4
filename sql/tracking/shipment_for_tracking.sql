-- One shipment and its order, read again once its lock is held: another runner may have
-- finished it since the list was read.
SELECT s.shipment_id, s.order_id, s.status, s.tracking_pin, s.attention,
       s.tracking_attempts, s.tracking_first_failed_at, s.tracking_sent_at, s.bestbuy_shipped_at,
       o.status AS order_status
FROM shipments s
JOIN orders o ON o.order_id = s.order_id
WHERE s.shipment_id = $1;
