-- The order's label, with what a void or refund needs to decide which call to make.
SELECT s.shipment_id, s.order_id, s.status, s.cp_shipment_id, s.tracking_pin, s.cp_links, s.group_id,
       s.transmit_id, s.transmitted_at, s.attention, s.refund_ticket_id,
       o.status AS order_status, o.attention AS order_attention
FROM shipments s JOIN orders o ON o.order_id = s.order_id
WHERE s.order_id = $1;
