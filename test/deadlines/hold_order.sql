UPDATE orders SET held_at = now(), held_by = 'clerk@desk' WHERE order_id = $1;
