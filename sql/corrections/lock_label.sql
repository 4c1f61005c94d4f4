-- The label workflow's lock on this shipment (class 7142): no download or re-fetch meanwhile.
SELECT pg_try_advisory_lock(7142, $1::int) AS locked;
