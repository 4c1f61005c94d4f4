-- Ends the correction in force ($3: 'replaced' or 'dropped'); it stays in the table.
UPDATE address_corrections
SET ended_at = now(), ended_by = $2, ended_how = $3
WHERE order_id = $1 AND ended_at IS NULL
RETURNING correction_id;
