-- Held until the transaction ends, so two shipdesks starting together apply each migration once.
SELECT pg_advisory_xact_lock(7142300815) AS locked;
