SELECT transmit_id, group_ids, status, manifest_links, last_error FROM transmits ORDER BY transmit_id;
