TRUNCATE api_calls, shipments, shipment_history, manifests, transmits, address_corrections, orders RESTART IDENTITY;
