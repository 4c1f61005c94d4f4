-- A channel taken out of [alerts] ($1: the channels still set) forgets what it was told: set up
-- again, it is told everything current.
DELETE FROM alerts_sent WHERE NOT (channel = ANY ($1::text[]));
