TRUNCATE api_calls, shipments, shipment_history, manifests, transmits, orders RESTART IDENTITY;
