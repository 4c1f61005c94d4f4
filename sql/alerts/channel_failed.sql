-- A message on channel $1 ($2: what it is) was not delivered: $3 the sentence, $4 the code that
-- picks the fix. Listed by status until a message goes through; failed_at is the first failure.
INSERT INTO alert_channels (channel, described, failed_at, failure, failure_code)
VALUES ($1, $2, now(), $3, $4)
ON CONFLICT (channel) DO UPDATE SET described = EXCLUDED.described, failed_at = coalesce(alert_channels.failed_at, now()),
                                    failure = EXCLUDED.failure, failure_code = EXCLUDED.failure_code;
