-- Orders shipped in [$1, $2), for the late shipment rate, with the deadline as Best Buy wrote it.
-- "Shipped" is when Best Buy accepted the shipment confirmation (OR24: shipments.bestbuy_shipped_at,
-- or the order read back SHIPPED); for an order shipped by other means, with no label of
-- shipdesk, the moment intake found it shipped (orders.shipped_at, Best Buy's date when it gave one).
SELECT o.order_id, o.raw ->> 'shipping_deadline' AS shipping_deadline, x.shipped_at
FROM orders o
LEFT JOIN shipments s ON s.order_id = o.order_id
CROSS JOIN LATERAL (SELECT coalesce(s.bestbuy_shipped_at, o.shipped_at) AS shipped_at) x
WHERE x.shipped_at >= $1::timestamptz AND x.shipped_at < $2::timestamptz
ORDER BY x.shipped_at, o.order_id;
