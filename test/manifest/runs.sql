SELECT command, exit_code FROM runs ORDER BY run_id;
