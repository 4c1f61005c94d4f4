SELECT run_id, command, mode, started_at, finished_at, exit_code, summary
FROM runs ORDER BY run_id DESC LIMIT $1;
