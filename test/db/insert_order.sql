INSERT INTO orders (order_id, status) VALUES ($1, 'accepted');
