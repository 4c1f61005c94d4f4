-- The clerk's weight for this one order (NULL hands the order back to its SKU presets).
UPDATE orders SET weight_override_kg = $2, updated_at = now() WHERE order_id = $1;
