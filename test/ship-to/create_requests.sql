-- Test-only: the Create Shipment requests sent for an order.
SELECT request_payload FROM api_calls WHERE endpoint = 'CreateShipment' AND related_id = $1 ORDER BY call_id;
