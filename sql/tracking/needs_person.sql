-- For `shipdesk status`: labels Best Buy has not been told about and that wait for a person.
SELECT s.shipment_id, s.order_id, s.tracking_pin, s.attention, s.last_error,
       s.tracking_attempts, s.tracking_first_failed_at, s.tracking_sent_at, s.bestbuy_shipped_at,
       o.status AS order_status
FROM shipments s
JOIN orders o ON o.order_id = s.order_id
WHERE s.status = 'label_created'
  AND s.attention IS NOT NULL
ORDER BY s.updated_at, s.shipment_id;
