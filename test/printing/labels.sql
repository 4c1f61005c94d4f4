SELECT order_id, tracking_pin, status, print_state, print_count, printed_at FROM shipments ORDER BY order_id;
