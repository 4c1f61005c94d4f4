-- Manifest groups up to today's ($1, YYYYMMDD) with labels not yet transmitted, and the orders
-- whose label is in doubt (label_creation_initiated): such a group must wait, since a label
-- bought in it but not known here would be left out of the manifest.
SELECT group_id,
       count(*) FILTER (WHERE status IN ('label_created', 'tracking_updated'))::int AS ready,
       coalesce(array_agg(order_id ORDER BY order_id) FILTER (WHERE status = 'label_creation_initiated'), '{}') AS in_doubt,
       -- Which API bought each ready label shows in its label link (checked against canadapost.api).
       coalesce(array_agg(order_id ORDER BY order_id) FILTER (WHERE status IN ('label_created', 'tracking_updated')), '{}') AS ready_orders,
       coalesce(array_agg(cp_api_label_url ORDER BY order_id) FILTER (WHERE status IN ('label_created', 'tracking_updated')), '{}') AS ready_label_urls
FROM shipments
WHERE group_id IS NOT NULL AND group_id <= $1
  AND transmitted_at IS NULL AND transmit_id IS NULL
  AND status IN ('label_creation_initiated', 'label_created', 'tracking_updated')
GROUP BY group_id
ORDER BY group_id;
