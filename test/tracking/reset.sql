TRUNCATE api_calls, parcels, shipments, shipment_history, manifests, transmits, address_corrections, orders RESTART IDENTITY;
