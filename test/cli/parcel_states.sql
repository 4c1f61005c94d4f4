SELECT order_id, tracking_pin, state, attention, announced, late FROM parcels ORDER BY order_id;
