-- A session lock: held while this runner works on the shipment, released by the server if the
-- runner dies, so a crash never leaves a shipment stuck and two runners never work on one.
SELECT pg_try_advisory_lock(7142, $1::int) AS locked;
