SELECT tracking_pin, state, settled_at, watch_ended FROM parcels;
