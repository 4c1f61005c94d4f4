-- The clerk's weight as the SKU's preset; sizes already known for the SKU are kept.
INSERT INTO sku_packages (sku, weight_kg)
VALUES ($1, $2)
ON CONFLICT (sku) DO UPDATE SET weight_kg = EXCLUDED.weight_kg, updated_at = now();
