-- Labels Canada Post has as transmitted that no manifest here lists yet, with no manifest of
-- their transmit still to fetch (that one links its labels when it is saved).
SELECT s.shipment_id, s.order_id, s.cp_shipment_id, s.transmit_id, s.group_id,
       coalesce(s.label_created_at, s.created_at) AS bought_at
FROM shipments s
WHERE s.transmitted_at IS NOT NULL AND s.manifest_id IS NULL AND s.transmit_id IS NOT NULL
  AND s.group_id IS NOT NULL AND s.cp_shipment_id IS NOT NULL
  AND s.status IN ('label_created', 'tracking_updated')
  AND NOT EXISTS (SELECT 1 FROM manifests m WHERE m.transmit_id = s.transmit_id AND m.status = 'transmitted')
ORDER BY s.shipment_id;
