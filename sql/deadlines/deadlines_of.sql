-- Best Buy's shipping deadline of each order named ($1, an array of order ids), as OR11 wrote it.
SELECT order_id, raw ->> 'shipping_deadline' AS shipping_deadline FROM orders WHERE order_id = ANY ($1::text[]);
