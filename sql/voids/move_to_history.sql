-- A cancelled label makes way for a new one: the whole row goes to shipment_history.
INSERT INTO shipment_history (shipment_id, order_id, status, customer_request_id, create_attempt, cp_shipment_id,
                              tracking_pin, manifest_id, void_reason, voided_at, refund_ticket_id, shipment)
SELECT s.shipment_id, s.order_id, s.status, s.customer_request_id, s.create_attempt, s.cp_shipment_id,
       s.tracking_pin, s.manifest_id, s.void_reason, coalesce(s.voided_at, s.refund_requested_at), s.refund_ticket_id, to_jsonb(s)
FROM shipments s
WHERE s.shipment_id = $1 AND s.status IN ('voided', 'refund_requested')
RETURNING shipment_id;
