SELECT order_id, status, attention FROM orders WHERE order_id = $1;
