-- Test-only: an empty shop between repetitions of the two-runner test.
TRUNCATE orders, shipments, shipment_history, api_calls, runs, transmits, manifests, sku_packages RESTART IDENTITY CASCADE;
