-- Channel $1 was told about these problems ($2: their keys, $3: their fingerprints, in the same order).
INSERT INTO alerts_sent (channel, problem_key, fingerprint)
SELECT $1, k.problem_key, k.fingerprint FROM unnest($2::text[], $3::text[]) AS k(problem_key, fingerprint)
ON CONFLICT (channel, problem_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, sent_at = now();
