-- Records the pages the tables that decide what is bought have now (pg_class.relpages), for
-- shrunk_tables.sql to compare with at the next start. ANALYZE samples: cheap on big tables too.
ANALYZE orders, shipments, shipment_history;
