-- Test fixture: the order's refused label dealt with (gone from shipments).
DELETE FROM shipments WHERE order_id = $1;
