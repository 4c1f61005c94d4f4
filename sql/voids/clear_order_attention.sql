-- The intake's "void the label" sentence, set on the order and its shipment alike, is settled.
UPDATE orders SET attention = NULL, updated_at = now() WHERE order_id = $1 AND attention = $2;
