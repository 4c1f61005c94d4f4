-- At the end of an end-of-day run: each transmit it left unsettled (labels of unknown fate, or
-- transmitted labels no manifest lists) counts one more run; `shipdesk status` lists it from two on.
UPDATE transmits t SET unsettled_runs = t.unsettled_runs + 1
WHERE t.status IN ('sent', 'refused')
   OR (EXISTS (SELECT 1 FROM shipments s WHERE s.transmit_id = t.transmit_id AND s.transmitted_at IS NOT NULL
                 AND s.manifest_id IS NULL AND s.status IN ('label_created', 'tracking_updated'))
       AND NOT EXISTS (SELECT 1 FROM manifests m WHERE m.transmit_id = t.transmit_id AND m.status = 'transmitted'));
