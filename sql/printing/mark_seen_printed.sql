-- A person saw the label come out of the printer ($1: the order id) after a run stopped while
-- sending it: printed, once; never sent again by itself.
UPDATE shipments
SET print_state = 'printed', printed_at = coalesce(printed_at, print_sending_at, now()), print_count = print_count + 1,
    print_error = NULL, updated_at = now()
WHERE order_id = $1 AND print_state = 'sending'
RETURNING order_id;
