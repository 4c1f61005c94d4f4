-- shipdesk schema, version 10: alerts (issue 29). A person is told once about each new problem,
-- on each channel of [alerts] (the webhook, e-mail); a channel that fails is listed by status.

-- What each channel was last told about each problem: a problem whose key is here with the same
-- fingerprint is not sent again; a changed fingerprint is; a key no longer current is deleted
-- (the problem was fixed), so its recurrence is new. The day's summary is the row
-- 'daily_summary', its fingerprint the local day it was sent for. Keys and fingerprints only:
-- no message text, no address, no secret.
CREATE TABLE alerts_sent (
  channel      text NOT NULL CHECK (channel IN ('webhook', 'email')),
  problem_key  text NOT NULL,
  fingerprint  text NOT NULL,
  sent_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, problem_key)
);

-- How each channel's last message went: a failure is listed by shipdesk status (and the print
-- page, the desk) with its fix until a message goes through. `described` names the channel
-- without its secret ("webhook to hooks.slack.com (slack)", "e-mail through smtp.example.com:587").
CREATE TABLE alert_channels (
  channel       text PRIMARY KEY CHECK (channel IN ('webhook', 'email')),
  described     text NOT NULL,
  last_ok_at    timestamptz,
  failed_at     timestamptz,
  failure       text,
  failure_code  text
);

-- Every alert sent is on record beside the calls to Canada Post, Best Buy and the printer.
ALTER TABLE api_calls DROP CONSTRAINT api_calls_service_check;
ALTER TABLE api_calls ADD CONSTRAINT api_calls_service_check CHECK (service IN ('CanadaPost', 'BestBuy', 'Printer', 'Alert'));
