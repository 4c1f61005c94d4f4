-- Test-only: an order's stored label link.
SELECT cp_api_label_url FROM shipments WHERE order_id = $1;
