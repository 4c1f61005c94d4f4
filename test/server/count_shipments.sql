SELECT count(*)::int AS n, count(DISTINCT tracking_pin)::int AS pins FROM shipments;
