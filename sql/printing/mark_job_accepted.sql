-- The printer took the job: printed_at keeps the first time, print_count counts every job taken.
UPDATE shipments
SET print_state = 'printed', printed_at = coalesce(printed_at, now()), print_count = print_count + 1,
    print_error = NULL, updated_at = now()
WHERE shipment_id = $1;
