-- What the labels bought since $1 (today) and since $2 (this month) cost, taxes included:
-- charged where Canada Post said, else quoted. Voided and refunded labels are not counted.
SELECT coalesce(sum(coalesce(charged_due, quoted_due)) FILTER (WHERE at >= $1), 0)::float8 AS today,
       count(*) FILTER (WHERE at >= $1)::int AS today_labels,
       coalesce(sum(coalesce(charged_due, quoted_due)) FILTER (WHERE at >= $2), 0)::float8 AS month,
       count(*) FILTER (WHERE at >= $2)::int AS month_labels,
       count(*) FILTER (WHERE at >= $2 AND coalesce(charged_due, quoted_due) IS NULL)::int AS month_unpriced
FROM (SELECT coalesce(label_created_at, created_at) AS at, charged_due, quoted_due
      FROM shipments
      WHERE cp_shipment_id IS NOT NULL AND status NOT IN ('voided', 'refund_requested')
        AND coalesce(label_created_at, created_at) >= least($1::timestamptz, $2::timestamptz)) bought;
