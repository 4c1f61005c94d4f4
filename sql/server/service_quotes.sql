-- For the service forms of Needs attention: each named order's promise (the order as Best Buy
-- sent it) and the quotes kept with its last label's claim ($1: an array of order ids).
SELECT o.order_id, o.raw, s.quotes
FROM orders o LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.order_id = ANY ($1::text[]);
