UPDATE runs SET finished_at = now(), exit_code = $2, summary = $3::text::jsonb WHERE run_id = $1;
