-- Test-only: each label's end-of-day columns, with what Canada Post said of it.
SELECT s.order_id, s.status, s.cp_shipment_id, s.group_id, s.transmit_id, s.transmitted_at, s.manifest_id,
       s.cp_status, s.void_reason
FROM shipments s ORDER BY s.order_id;
