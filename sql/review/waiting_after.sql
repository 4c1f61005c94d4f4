-- What the desk's last steps would have to do, bought this run or before: labels whose tracking
-- Best Buy has not had (as shipments_to_update.sql of the tracking workflow selects them), and
-- labels made since $1 (today's start) not printed yet.
SELECT count(*) FILTER (WHERE s.status = 'label_created' AND s.attention IS NULL)::int AS to_track,
       count(*) FILTER (WHERE s.status IN ('label_created', 'tracking_updated') AND s.label_pdf_path IS NOT NULL
                          AND s.printed_at IS NULL AND s.label_created_at >= $1::timestamptz)::int AS to_print
FROM shipments s;
