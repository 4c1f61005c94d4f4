-- Test-only: how many Create Shipment calls shipdesk made (the audit log).
SELECT count(*)::int AS n FROM api_calls WHERE endpoint = 'CreateShipment';
