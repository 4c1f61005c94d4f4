INSERT INTO orders (order_id, status, bestbuy_state, commercial_id) VALUES ($1, 'accepted', 'SHIPPING', $2);
