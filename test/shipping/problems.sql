SELECT order_id, problems FROM orders WHERE order_id = $1;
