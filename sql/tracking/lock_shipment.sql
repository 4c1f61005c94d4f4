-- A session lock of the tracking workflow's own class (shipping uses 7142): held while this
-- runner talks to Best Buy about the shipment, released by the server if the runner dies, so
-- two runs at once never send OR23/OR24 for the same order.
SELECT pg_try_advisory_lock(7143, $1::int) AS locked;
