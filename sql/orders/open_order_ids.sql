-- Orders not yet shipped, cancelled or closed here: Best Buy may have moved them on.
SELECT order_id
FROM orders
WHERE status IN ('waiting_acceptance', 'accepted')
ORDER BY order_id;
