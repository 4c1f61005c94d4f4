-- Test-only: one of everything `status` must point a person at.
INSERT INTO orders (order_id, status, problems) VALUES
  ('ST-PROBLEM', 'accepted', '[{"field":"postalCode","code":"bad_postal_code","message":"The postal code \"ZZZ\" is not a valid Canadian postal code (like K1A 0B1); correct it in shipdesk: shipdesk address ST-PROBLEM --postal-code \"…\"."}]'),
  ('ST-HEAVY', 'accepted', '[{"field":"weight","code":"too_heavy","message":"The parcel weighs 31 kg."}]'),
  ('ST-FAILED', 'accepted', '[]'),
  ('ST-CANCELLED', 'cancelled', '[]'),
  ('ST-OLDGROUP', 'shipped', '[]'),
  ('ST-FINE', 'shipped', '[]'),
  ('ST-VOIDED', 'accepted', '[]'),
  ('ST-VOIDED-GONE', 'cancelled', '[]'),
  ('ST-NOTSAVED-1', 'accepted', '[]'),
  ('ST-NOTSAVED-2', 'accepted', '[]'),
  ('ST-NODOWNLOAD', 'accepted', '[]'),
  ('ST-UNKNOWN', 'accepted', '[]');
UPDATE orders SET attention = 'Order ST-CANCELLED was cancelled at Best Buy after its label was bought.' WHERE order_id = 'ST-CANCELLED';
INSERT INTO shipments (order_id, customer_request_id, status, last_error, error_messages) VALUES
  ('ST-FAILED', 'ST-FAILED-1', 'label_failed', 'Canada Post refused the label: Destination address line 1 is mandatory. (1156).',
   '[{"code": "1156", "description": "Address line 1 is mandatory."}]');
-- Left by runs that ended a moment ago (updated now, no lock held): listed at once.
INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin, last_error, error_messages) VALUES
  ('ST-NOTSAVED-1', 'ST-NOTSAVED-1-1', 'label_creation_initiated', '7000000000000011', 'The labels folder /x/labels is not a folder; point labels_dir at a folder (the label is paid for and kept at Canada Post, and the next run saves it).', '[{"code": "labels_folder", "description": "ENOTDIR"}]'),
  ('ST-NOTSAVED-2', 'ST-NOTSAVED-2-1', 'label_creation_initiated', '7000000000000012', 'The labels folder /x/labels is not a folder; point labels_dir at a folder (the label is paid for and kept at Canada Post, and the next run saves it).', '[{"code": "labels_folder", "description": "ENOTDIR"}]'),
  ('ST-NODOWNLOAD', 'ST-NODOWNLOAD-1', 'label_creation_initiated', '7000000000000013', 'The label could not be downloaded (timeout); the next run tries again, nothing is bought twice.', '[]'),
  ('ST-UNKNOWN', 'ST-UNKNOWN-1', 'label_creation_initiated', NULL, NULL, NULL);
INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin, void_reason, voided_at) VALUES
  ('ST-VOIDED', 'ST-VOIDED-1', 'voided', '7000000000000021', 'wrong box', now()),
  ('ST-VOIDED-GONE', 'ST-VOIDED-GONE-1', 'voided', '7000000000000022', 'customer cancelled', now());
INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin, group_id, label_created_at) VALUES
  ('ST-OLDGROUP', 'ST-OLDGROUP-1', 'tracking_updated', '7000000000000001', '20200101', now() - interval '2 days'),
  ('ST-FINE', 'ST-FINE-1', 'tracking_updated', '7000000000000002', to_char(now(), 'YYYYMMDD'), now());
INSERT INTO transmits (group_ids, status, sent_at) VALUES (ARRAY['20200102'], 'sent', now() - interval '1 hour');
INSERT INTO runs (command, mode, finished_at, exit_code, summary) VALUES ('auto', 'auto', now(), 1, '{"line": "labels: 1 label(s) bought"}');
