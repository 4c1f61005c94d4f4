-- Test set-up: a SKU preset with a known box size.
INSERT INTO sku_packages (sku, weight_kg, length_cm, width_cm, height_cm) VALUES ($1, $2, 40, 30, 20);
