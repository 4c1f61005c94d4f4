INSERT INTO shipdesk_migrations (version, name) VALUES ($1, $2);
