-- A client of the host disconnected: its session locks and prepared statements go (sql/host/session_locks.sql).
SELECT pg_temp.shipdesk_forget_client($1::int);
