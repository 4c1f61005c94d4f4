-- Orders still to ship at Best Buy whose label was cancelled (voided or refunded) with no new
-- one: a plain run never buys a second label on its own, so each is named for the clerk.
SELECT s.order_id, s.tracking_pin, s.status
FROM shipments s JOIN orders o ON o.order_id = s.order_id
WHERE s.status IN ('voided', 'refund_requested') AND o.status = 'accepted' AND o.attention IS NULL
ORDER BY s.order_id;
