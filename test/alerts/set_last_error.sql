-- Test fixture: what Canada Post said about the order's label, changed.
UPDATE shipments SET last_error = $2 WHERE order_id = $1;
