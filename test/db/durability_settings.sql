SELECT current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS wal_sync_method;
