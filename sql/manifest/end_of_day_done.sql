-- Today's end of day is done when a transmit was answered since the start of the local day ($1)
-- and nothing of it is left: no transmit unsettled (in doubt or refused), no manifest PDF still to
-- fetch, no transmitted label whose manifest is still to be found.
SELECT EXISTS (SELECT 1 FROM transmits WHERE status IN ('answered', 'recovered') AND sent_at >= $1::timestamptz)
   AND NOT EXISTS (SELECT 1 FROM transmits WHERE status IN ('sent', 'refused'))
   AND NOT EXISTS (SELECT 1 FROM manifests WHERE status = 'transmitted')
   AND NOT EXISTS (SELECT 1 FROM shipments WHERE transmitted_at IS NOT NULL AND manifest_id IS NULL AND transmit_id IS NOT NULL
                     AND status IN ('label_created', 'tracking_updated')) AS done;
