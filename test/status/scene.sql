-- Test-only: one of everything `status` must point a person at.
INSERT INTO orders (order_id, status, problems) VALUES
  ('ST-PROBLEM', 'accepted', '[{"field":"postalCode","code":"bad_postal_code","message":"The postal code \"ZZZ\" is not a valid Canadian postal code (like K1A 0B1); correct it in shipdesk: shipdesk address ST-PROBLEM --postal-code \"…\"."}]'),
  ('ST-HEAVY', 'accepted', '[{"field":"weight","code":"too_heavy","message":"The parcel weighs 31 kg."}]'),
  ('ST-FAILED', 'accepted', '[]'),
  ('ST-CANCELLED', 'cancelled', '[]'),
  ('ST-OLDGROUP', 'shipped', '[]'),
  ('ST-FINE', 'shipped', '[]');
UPDATE orders SET attention = 'Order ST-CANCELLED was cancelled at Best Buy after its label was bought.' WHERE order_id = 'ST-CANCELLED';
INSERT INTO shipments (order_id, customer_request_id, status, last_error) VALUES
  ('ST-FAILED', 'ST-FAILED-1', 'label_failed', 'Canada Post refused the label: Destination address line 1 is mandatory. (1156).');
INSERT INTO shipments (order_id, customer_request_id, status, tracking_pin, group_id, label_created_at) VALUES
  ('ST-OLDGROUP', 'ST-OLDGROUP-1', 'tracking_updated', '7000000000000001', '20200101', now() - interval '2 days'),
  ('ST-FINE', 'ST-FINE-1', 'tracking_updated', '7000000000000002', to_char(now(), 'YYYYMMDD'), now());
INSERT INTO transmits (group_ids, status, sent_at) VALUES (ARRAY['20200102'], 'sent', now() - interval '1 hour');
INSERT INTO runs (command, mode, finished_at, exit_code, summary) VALUES ('auto', 'auto', now(), 1, '{"line": "labels: 1 label(s) bought"}');
