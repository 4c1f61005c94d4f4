UPDATE manifests SET last_error = $2, attempts = attempts + 1, updated_at = now() WHERE manifest_id = $1;
