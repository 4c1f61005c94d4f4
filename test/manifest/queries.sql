-- Test-only: manifests, transmits and the shipments' end-of-day columns.
SELECT s.order_id, s.status, s.cp_shipment_id, s.group_id, s.transmit_id, s.transmitted_at, s.manifest_id
FROM shipments s ORDER BY s.order_id;
