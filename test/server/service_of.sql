SELECT service_override FROM orders WHERE order_id = $1;
