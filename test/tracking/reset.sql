TRUNCATE api_calls, shipments, orders RESTART IDENTITY;
