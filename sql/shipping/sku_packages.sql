SELECT sku, weight_kg::float8 AS weight_kg, length_cm::float8 AS length_cm, width_cm::float8 AS width_cm,
       height_cm::float8 AS height_cm, service_code
FROM sku_packages WHERE sku = ANY($1::text[]);
