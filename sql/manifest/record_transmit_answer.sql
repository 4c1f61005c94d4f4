-- Canada Post transmitted ($2 = 'answered', or 'recovered' when found again after a lost reply).
UPDATE transmits SET status = $2, manifest_links = $3::text::jsonb, answered_at = now(), last_error = NULL
WHERE transmit_id = $1 AND status = 'sent';
