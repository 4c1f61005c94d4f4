UPDATE orders SET problems = jsonb_build_array(jsonb_build_object('code', 'bad_postal_code', 'message', $2::text)) WHERE order_id = $1;
