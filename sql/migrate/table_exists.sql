SELECT to_regclass('shipdesk_migrations') IS NOT NULL AS present;
