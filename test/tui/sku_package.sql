-- Test read-back: a SKU's preset.
SELECT sku, weight_kg::float8 AS weight_kg, length_cm::float8 AS length_cm FROM sku_packages WHERE sku = $1;
