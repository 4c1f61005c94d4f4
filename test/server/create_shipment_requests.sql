-- Test-only: what each Create Shipment of an order sent, oldest first.
SELECT request_payload, is_success FROM api_calls
WHERE service = 'CanadaPost' AND related_id = $1 AND endpoint ILIKE '%create%shipment%'
ORDER BY call_id;
