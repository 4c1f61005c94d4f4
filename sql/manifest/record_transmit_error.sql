UPDATE transmits SET last_error = $2 WHERE transmit_id = $1;
