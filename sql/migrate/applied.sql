SELECT version, name FROM shipdesk_migrations ORDER BY version;
