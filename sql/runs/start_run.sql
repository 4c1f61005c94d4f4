INSERT INTO runs (command, mode) VALUES ($1, $2) RETURNING run_id;
