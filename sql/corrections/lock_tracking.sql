-- The tracking workflow's lock on this shipment (class 7143): no OR23/OR24 while it is cancelled.
SELECT pg_try_advisory_lock(7143, $1::int) AS locked;
