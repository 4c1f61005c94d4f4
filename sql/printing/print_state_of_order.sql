-- An order's label as printing sees it: whether there is one to print, and where it stands.
SELECT s.shipment_id, s.order_id, s.status, s.label_pdf_path, s.print_state, s.print_count, s.printed_at, s.print_sending_at, s.print_error
FROM shipments s WHERE s.order_id = $1;
