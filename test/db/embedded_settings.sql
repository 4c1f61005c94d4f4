SELECT current_setting('shared_buffers') AS shared_buffers, current_setting('search_path') AS search_path;
