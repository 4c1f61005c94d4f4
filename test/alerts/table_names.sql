-- Test fixture: every table of shipdesk's schema, to read each one's text.
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1;
