-- The bench buys a day's labels at a simulated moment: the database dates them by it too.
UPDATE shipments SET label_created_at = $1 WHERE order_id = ANY ($2::text[]);
