-- Taken before a correction is saved or dropped: the claim of a label inserts a shipment,
-- whose foreign key waits for this lock, so a label is never bought from an address that is
-- being changed at that moment. The order's state is read by the next statement, not here:
-- a row this waited for is re-read, but a join would still show the shipments of before.
SELECT order_id FROM orders WHERE order_id = $1 FOR UPDATE;
