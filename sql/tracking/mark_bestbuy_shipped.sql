-- OR24 accepted (or the order read back SHIPPED): kept at once, so that a crash before the
-- local update never sends OR24 again.
UPDATE shipments
SET bestbuy_shipped_at = coalesce(bestbuy_shipped_at, $2::text::timestamptz),
    tracking_sent_at = coalesce(tracking_sent_at, $2::text::timestamptz),
    updated_at = now()
WHERE shipment_id = $1;
