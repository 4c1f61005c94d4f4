-- Test-only: each shipment's service and what it was quoted and charged.
SELECT order_id, service_code, service_reason, service_note, quoted_due::float8 AS quoted_due, quoted_taxes::float8 AS quoted_taxes,
       charged_due::float8 AS charged_due, charged_taxes::float8 AS charged_taxes, expected_delivery::text AS expected_delivery, quotes
FROM shipments ORDER BY order_id;
