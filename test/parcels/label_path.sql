SELECT label_pdf_path FROM shipments WHERE order_id = $1;
