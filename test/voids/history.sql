SELECT shipment_id, order_id, status, customer_request_id, create_attempt, tracking_pin, void_reason, refund_ticket_id, shipment
FROM shipment_history ORDER BY shipment_id;
