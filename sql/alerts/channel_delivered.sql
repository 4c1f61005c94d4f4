-- A message went through on channel $1 ($2: what it is, without its secret): no failure to list.
INSERT INTO alert_channels (channel, described, last_ok_at, failed_at, failure, failure_code)
VALUES ($1, $2, now(), NULL, NULL, NULL)
ON CONFLICT (channel) DO UPDATE SET described = EXCLUDED.described, last_ok_at = now(), failed_at = NULL, failure = NULL, failure_code = NULL;
