SELECT s.shipment_id, s.order_id, s.status, s.tracking_pin, s.cp_shipment_id, s.customer_request_id, s.create_attempt,
       s.void_reason, s.voided_at, s.refund_requested_at, s.refund_ticket_id, s.refund_ticket_date::text AS refund_ticket_date,
       s.attention, s.last_error
FROM shipments s ORDER BY s.order_id;
