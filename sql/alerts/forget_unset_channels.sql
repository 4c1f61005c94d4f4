-- A channel taken out of [alerts] ($1: the channels still set) is no longer listed as failing.
DELETE FROM alert_channels WHERE NOT (channel = ANY ($1::text[]));
