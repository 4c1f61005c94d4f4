-- Accepted orders with no usable label that a plain run leaves alone: Canada Post refused the
-- label, or the clerk voided it without --reship. The desk offers each to be bought again, as
-- its label would be built now (the same columns as unshipped_orders.sql, plus why); $1: only
-- that order (a retry), or NULL for all.
SELECT o.order_id, a.customer_name, a.ship_company, a.ship_street_1, a.ship_street_2, a.ship_city,
       a.ship_province, a.ship_postal_code, a.ship_country, a.ship_phone, a.ship_email,
       a.correction_id, a.bestbuy_changed,
       o.order_lines, o.problems, o.weight_override_kg::float8 AS weight_override_kg, o.service_override,
       o.held_at, o.held_by,
       o.raw->'delivery_date'->>'latest' AS delivery_latest, o.raw->>'shipping_deadline' AS shipping_deadline,
       (SELECT coalesce(max(h.create_attempt), 0) + 1 FROM shipment_history h WHERE h.order_id = o.order_id)::int AS next_attempt,
       CASE WHEN s.status = 'label_failed' THEN 'refused' ELSE 'voided' END AS again,
       CASE WHEN s.status = 'label_failed' THEN coalesce(s.last_error, 'Canada Post refused the label.')
            ELSE concat_ws(' ', 'Its label (PIN ' || s.tracking_pin || ') was cancelled', CASE WHEN s.void_reason IS NOT NULL THEN '(' || s.void_reason || ')' END)
                 || '; no new label was bought.' END AS again_reason
FROM orders o
JOIN shipments s ON s.order_id = o.order_id
JOIN order_ship_to a ON a.order_id = o.order_id
WHERE o.status = 'accepted' AND o.attention IS NULL
  AND s.status IN ('label_failed', 'voided', 'refund_requested')
  AND ($1::text IS NULL OR o.order_id = $1)
ORDER BY o.imported_at, o.order_id;
