-- Today's end of day is done when a transmit was answered since the start of the local day ($1)
-- and nothing of it is left: no transmit in doubt, no manifest PDF still to fetch.
SELECT EXISTS (SELECT 1 FROM transmits WHERE status IN ('answered', 'recovered') AND sent_at >= $1::timestamptz)
   AND NOT EXISTS (SELECT 1 FROM transmits WHERE status = 'sent')
   AND NOT EXISTS (SELECT 1 FROM manifests WHERE status = 'transmitted') AS done;
