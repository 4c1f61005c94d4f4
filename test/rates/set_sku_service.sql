-- Test-only: a SKU preset with its own service.
INSERT INTO sku_packages (sku, weight_kg, service_code) VALUES ($1, 1.0, $2)
ON CONFLICT (sku) DO UPDATE SET service_code = EXCLUDED.service_code;
